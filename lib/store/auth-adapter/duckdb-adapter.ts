import type { DuckDBInstance } from "@duckdb/node-api";
import type { BetterAuthOptions } from "better-auth";
import { createAdapterFactory, type AdapterFactory, type CustomAdapter } from "better-auth/adapters";
import { duckdbRunner, type SqlParam, type SqlRow, type SqlRunner } from "../runner/sql-runner";

type CleanedWhere = Parameters<CustomAdapter["findOne"]>[0]["where"][number];
type GetFieldName = (args: { model: string; field: string }) => string;

/** Quote an SQL identifier (model and field names come from better-auth's schema, never from input). */
export function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

class Params {
  readonly values: SqlParam[] = [];
  add(v: unknown): string {
    this.values.push(v === undefined ? null : (v as SqlParam));
    return `$${this.values.length}`;
  }
}

/**
 * WHERE clause with better-auth's semantics (same as its Kysely adapter): every AND-connected
 * condition must hold, and when there are OR-connected conditions at least one of them must.
 */
export function buildWhere(where: CleanedWhere[] | undefined, p: Params): string {
  if (!where?.length) return "";
  const and: string[] = [];
  const or: string[] = [];
  for (const w of where) (w.connector === "OR" ? or : and).push(condition(w, p));
  const parts = [...and];
  if (or.length) parts.push(`(${or.join(" OR ")})`);
  return ` WHERE ${parts.join(" AND ")}`;
}

function condition(w: CleanedWhere, p: Params): string {
  const value = w.value;
  const insensitive =
    w.mode === "insensitive" && (typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string")));
  const col = insensitive ? `lower(${q(w.field)})` : q(w.field);
  const val = (v: unknown) => (insensitive && typeof v === "string" ? p.add(v.toLowerCase()) : p.add(v));
  switch (w.operator) {
    case "in":
    case "not_in": {
      const list = Array.isArray(value) ? (value as unknown[]) : [value];
      if (!list.length) return w.operator === "in" ? "FALSE" : "TRUE";
      return `${col} ${w.operator === "in" ? "IN" : "NOT IN"} (${list.map(val).join(", ")})`;
    }
    case "contains":
    case "starts_with":
    case "ends_with": {
      const s = likeEscape(String(value ?? ""));
      const pattern = w.operator === "contains" ? `%${s}%` : w.operator === "starts_with" ? `${s}%` : `%${s}`;
      return `${col} LIKE ${val(pattern)} ESCAPE '\\'`;
    }
    case "ne":
      if (value === null) return `${q(w.field)} IS NOT NULL`;
      return `(${col} <> ${val(value)} OR ${q(w.field)} IS NULL)`;
    case "lt":
      return `${col} < ${val(value)}`;
    case "lte":
      return `${col} <= ${val(value)}`;
    case "gt":
      return `${col} > ${val(value)}`;
    case "gte":
      return `${col} >= ${val(value)}`;
    default:
      if (value === null) return `${q(w.field)} IS NULL`;
      return `${col} = ${val(value)}`;
  }
}

function selectList(model: string, select: string[] | undefined, getFieldName: GetFieldName): string {
  if (!select?.length) return "*";
  return select.map((f) => q(getFieldName({ model, field: f }))).join(", ");
}

function setList(data: Record<string, unknown>, p: Params): string {
  return Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${q(k)} = ${p.add(v)}`)
    .join(", ");
}

export interface DuckDbAdapterConfig {
  debugLogs?: boolean;
}

/**
 * better-auth database adapter over the store's DuckDB instance (or any {@link SqlRunner}).
 * Tables are created by `APP_MIGRATIONS` (lib/store/migrations), not by better-auth.
 *
 * @example
 * betterAuth({ database: duckdbAdapter(store.app.sql), ... })
 */
export function duckdbAdapter(db: DuckDBInstance | SqlRunner, config: DuckDbAdapterConfig = {}) {
  const root: SqlRunner = "all" in db ? db : duckdbRunner(db);
  let lazyOptions: BetterAuthOptions | null = null;

  const build = (sql: SqlRunner): AdapterFactory<BetterAuthOptions> =>
    createAdapterFactory({
      config: {
        adapterId: "duckdb",
        adapterName: "DuckDB Adapter",
        usePlural: false,
        debugLogs: config.debugLogs ?? false,
        supportsNumericIds: false,
        supportsJSON: false,
        supportsDates: true,
        supportsBooleans: true,
        supportsArrays: false,
        transaction: (cb) => sql.transaction((tx) => cb(build(tx)(lazyOptions ?? {}))),
      },
      adapter: ({ getFieldName }) => {
        const one = async <T>(text: string, params: SqlParam[]): Promise<T | null> => ((await sql.all(text, params))[0] as T) ?? null;
        const byOneRow = (model: string, where: CleanedWhere[], p: Params) =>
          `rowid = (SELECT rowid FROM ${q(model)}${buildWhere(where, p)} LIMIT 1)`;
        const adapter: CustomAdapter = {
          async create({ model, data }) {
            const p = new Params();
            const entries = Object.entries(data).filter(([, v]) => v !== undefined);
            const cols = entries.map(([k]) => q(k)).join(", ");
            const vals = entries.map(([, v]) => p.add(v)).join(", ");
            const row = await one<typeof data>(`INSERT INTO ${q(model)} (${cols}) VALUES (${vals}) RETURNING *`, p.values);
            return (row ?? data) as typeof data;
          },
          async findOne<T>({ model, where, select }: Parameters<CustomAdapter["findOne"]>[0]) {
            const p = new Params();
            return one<T>(`SELECT ${selectList(model, select, getFieldName)} FROM ${q(model)}${buildWhere(where, p)} LIMIT 1`, p.values);
          },
          async findMany<T>({ model, where, limit, select, sortBy, offset }: Parameters<CustomAdapter["findMany"]>[0]) {
            const p = new Params();
            let text = `SELECT ${selectList(model, select, getFieldName)} FROM ${q(model)}${buildWhere(where, p)}`;
            if (sortBy) text += ` ORDER BY ${q(getFieldName({ model, field: sortBy.field }))} ${sortBy.direction === "desc" ? "DESC" : "ASC"}`;
            if (limit !== undefined) text += ` LIMIT ${Math.max(0, Math.floor(limit))}`;
            if (offset) text += ` OFFSET ${Math.max(0, Math.floor(offset))}`;
            return (await sql.all(text, p.values)) as T[];
          },
          async count({ model, where }) {
            const p = new Params();
            const rows = await sql.all(`SELECT count(*) AS n FROM ${q(model)}${buildWhere(where, p)}`, p.values);
            return Number(rows[0]?.n ?? 0);
          },
          async update<T>({ model, where, update }: Parameters<CustomAdapter["update"]>[0]) {
            if (!where.length) return null;
            const p = new Params();
            const set = setList(update as Record<string, unknown>, p);
            if (!set) return one<T>(`SELECT * FROM ${q(model)}${buildWhere(where, p)} LIMIT 1`, p.values);
            return one<T>(`UPDATE ${q(model)} SET ${set} WHERE ${byOneRow(model, where, p)} RETURNING *`, p.values);
          },
          async updateMany({ model, where, update }) {
            const p = new Params();
            const set = setList(update, p);
            if (!set) return 0;
            return (await sql.all(`UPDATE ${q(model)} SET ${set}${buildWhere(where, p)} RETURNING 1 AS x`, p.values)).length;
          },
          async delete({ model, where }) {
            if (!where.length) return;
            const p = new Params();
            await sql.all(`DELETE FROM ${q(model)}${buildWhere(where, p)}`, p.values);
          },
          async deleteMany({ model, where }) {
            const p = new Params();
            return (await sql.all(`DELETE FROM ${q(model)}${buildWhere(where, p)} RETURNING 1 AS x`, p.values)).length;
          },
          async consumeOne<T>({ model, where }: Parameters<NonNullable<CustomAdapter["consumeOne"]>>[0]) {
            const p = new Params();
            return one<T>(`DELETE FROM ${q(model)} WHERE ${byOneRow(model, where, p)} RETURNING *`, p.values);
          },
          async incrementOne<T>({ model, where, increment, set }: Parameters<NonNullable<CustomAdapter["incrementOne"]>>[0]) {
            const p = new Params();
            const parts = Object.entries(increment).map(([k, d]) => `${q(k)} = coalesce(${q(k)}, 0) + ${p.add(d)}`);
            const abs = set ? setList(set, p) : "";
            if (abs) parts.push(abs);
            if (!parts.length) return one<T>(`SELECT * FROM ${q(model)}${buildWhere(where, p)} LIMIT 1`, p.values);
            return one<T>(`UPDATE ${q(model)} SET ${parts.join(", ")} WHERE ${byOneRow(model, where, p)} RETURNING *`, p.values);
          },
        };
        return adapter;
      },
    });

  const factory = build(root);
  return (options: BetterAuthOptions) => {
    lazyOptions = options;
    return factory(options);
  };
}

export type { SqlRow };
