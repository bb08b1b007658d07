import pg from "pg";
import type { CrosstabPlan, FilterPlan } from "@/lib/analysis/plan";
import { compareBytes } from "@/lib/engine/byte-compare";
import type { IngestResult, RowSink } from "@/lib/ingest/types";
import type { CrosstabInput } from "@/lib/schema/cell-sums";
import { datasetSchema, type Dataset, type DatasetLineage, type DatasetSummary, type DefaultWeight } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import { buildCellSumsStatement, buildDistinctStatement, buildReadRowsStatement } from "../sql/crosstab-sql";
import { postgresDialect } from "../sql/dialect";
import { ident } from "../sql/params";
import { buildMembershipStatement, toMemberships, type Memberships } from "../sql/population-sql";
import { toCrosstabInput, toSumsRow } from "../sql/to-crosstab-input";
import { isValidDatasetId, newDatasetId } from "../ids";
import { summarize } from "../summarize";
import type { SqlRunner } from "../runner/sql-runner";
import { deleteWorkspaceRows, workspaceDatasetTables, type WorkspaceDeletion } from "../repos/workspace-deletion";
import { newDatasetRecord, replaceDefaultWeight, UPSERT_OWNER, UPSERT_UPLOADER } from "../dataset-record";
import { INSERT_CELL_KEY_SECRET, newCellKeySecret } from "../repos/cell-key";
import { detectedColumnStatusInserts } from "../repos/column-status";
import type { DerivedColumn, FinishImport, NewDatasetMeta, SurveyStore } from "../types";
import { VersionCache } from "../cache/version-cache";
import { fenceRowCte } from "./fence";
import { pgAppDatabase, type AppDatabase } from "../app-database";
import { migrate } from "./migrations";
import { pgDataTableName, redactUrl } from "./names";
import { PG_MAX_DATA_COLUMNS, PgSink } from "./sink";

type Row = Record<string, unknown>;
type Param = string | number;

/** first key of the two-key advisory locks taken per dataset id (second key: hashtext(id)) */
const DATASET_LOCK_NS = 0x5353; // "SS"

export interface PostgresStoreOptions {
  /** schema holding the store's tables (created if missing); default "public" */
  schema?: string;
  /** pool size per instance (datasets and the application's tables); default 15 */
  max?: number;
  /** give up connecting after this long; default 5000 ms */
  connectionTimeoutMillis?: number;
  /** how long saveQuestions/deleteDataset wait for another instance writing the same id; default 10 s */
  lockTimeoutMillis?: number;
  /** shown in pg_stat_activity; default "surveyscope" */
  applicationName?: string;
}

/** errors meaning "this connection (or the server) went away", not "this statement is wrong" */
const CONNECTION_SQLSTATES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "08P01"]);
const CONNECTION_ERRNOS = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTCONN"]);

export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && (CONNECTION_SQLSTATES.has(code) || CONNECTION_ERRNOS.has(code))) return true;
  return /Connection terminated|connection error|not queryable|terminating connection/i.test(err.message);
}

/**
 * The multi-instance store: every dataset's metadata (JSONB) and respondent rows (one table per
 * version, `rid BIGINT` + `c0..cN TEXT`) live in PostgreSQL, so any number of `next start`
 * processes pointing at the same DATABASE_URL serve the same data. Statistics are pushed down as
 * the same per-cell aggregates as the embedded store (`buildCellSumsStatement`).
 *
 * Concurrency: writes of one dataset id are serialised across instances by a transaction-level
 * advisory lock, and the (id, version) primary key backs it up.
 *
 * Recovery: the pool drops connections that die (e.g. a PostgreSQL restart or failover). A read
 * that fails because its connection was dead is retried once on a fresh connection; a write is
 * retried only when the failure happened on `BEGIN` (nothing was sent yet), otherwise the caller
 * gets the error and the transaction is rolled back by the server.
 */
export class PostgresStore implements SurveyStore {
  readonly kind = "postgres" as const;
  /**
   * immutable per-version metadata, segment levels and cell sums (see VersionCache). The data
   * table is still looked up per query (one indexed row), so a delete made by another instance
   * is seen at once: the lookup fails before any cached sums are used.
   */
  private readonly cache = new VersionCache();

  /** accounts, audit, shared state, views, …: the same pool, in the same schema */
  readonly app: AppDatabase;

  private constructor(
    private readonly pool: pg.Pool,
    readonly schema: string,
    private readonly lockTimeoutMillis: number,
  ) {
    this.app = pgAppDatabase(pool);
  }

  /**
   * Connect, migrate and return the store. The schema is `options.schema`, else the URL's
   * `?schema=` parameter (as Prisma spells it), else "public".
   */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const schema = options.schema ?? schemaFromUrl(url) ?? "public";
    ident(schema); // refuses anything but [a-z_][a-z0-9_]*
    const pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 15,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      application_name: options.applicationName ?? "surveyscope",
      // the data tables and the numeric helper are found through the search path
      options: `-c search_path=${schema}`,
    });
    // An idle client whose server went away emits 'error'; without a listener that would crash the
    // process. The pool has already removed the client; the next query opens a new connection.
    pool.on("error", (err) => console.warn(`[store] idle PostgreSQL connection lost: ${err.message}`));
    try {
      const client = await pool.connect();
      try {
        await migrate(client, schema);
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end().catch(() => undefined);
      const msg = err instanceof Error ? err.message || (err as { code?: string }).code || String(err) : String(err);
      throw new Error(`cannot open the PostgreSQL store at ${redactUrl(url)}: ${msg}`, { cause: err });
    }
    return new PostgresStore(pool, schema, options.lockTimeoutMillis ?? 10_000);
  }

  /**
   * How many connections a restart can have left dead in the pool: each is dropped by the query
   * that finds it, so one attempt more than that reaches a fresh connection (or the real error).
   */
  private get deadClientBound(): number {
    return (this.pool.options.max ?? 15) + 1;
  }

  /** a read on the pool, retried on another connection while the one it got was dead (after a restart, every idle one is) */
  private async read(sql: string, params: Param[] = [], rowMode?: "array"): Promise<pg.QueryResult> {
    const config: pg.QueryConfig = { text: sql, values: params, ...(rowMode ? { rowMode } : {}) };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.pool.query(config);
      } catch (err) {
        if (!isConnectionError(err) || attempt >= this.deadClientBound) throw mapError(err);
      }
    }
  }

  private async rows(sql: string, params: Param[] = []): Promise<Row[]> {
    return (await this.read(sql, params)).rows as Row[];
  }

  /**
   * A pooled client with BEGIN already run. While checked out, a client whose server goes away
   * emits 'error' between queries (e.g. while the ingest parses the next chunk); unhandled, that
   * would crash the process, so it is caught here and the next query on the client fails instead.
   * A connection found dead at BEGIN (nothing sent yet) is replaced, as often as the pool can hold dead ones.
   */
  private async begin(attempt = 1): Promise<{ client: pg.PoolClient; done: (err?: Error) => void }> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    const onError = (err: Error) => (broken = err);
    client.on("error", onError);
    const done = (err?: Error) => {
      client.off("error", onError);
      client.release(broken ?? err);
    };
    try {
      await client.query("BEGIN");
    } catch (err) {
      done(err instanceof Error ? err : new Error(String(err)));
      if (attempt < this.deadClientBound && isConnectionError(err)) return this.begin(attempt + 1);
      throw err;
    }
    return { client, done };
  }

  /** BEGIN … COMMIT on one client; any throw rolls back (or the server does, when the connection died). */
  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const { client, done } = await this.begin();
    try {
      const out = await fn(client);
      await client.query("COMMIT");
      done();
      return out;
    } catch (err) {
      let rollbackFailed: Error | undefined;
      await client.query("ROLLBACK").catch((e: Error) => (rollbackFailed = e));
      done(rollbackFailed ?? (isConnectionError(err) ? (err as Error) : undefined));
      throw mapError(err);
    }
  }

  /** wait (at most lockTimeoutMillis) for other writers of this dataset id, on any instance */
  private async lockId(client: pg.PoolClient, id: string): Promise<void> {
    await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(this.lockTimeoutMillis))}`);
    try {
      await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [DATASET_LOCK_NS, id]);
    } catch (err) {
      if ((err as { code?: string }).code === "55P03") throw new AppError("conflict", `dataset ${id} is being changed by another request; try again`);
      throw err;
    }
    await client.query("SET LOCAL lock_timeout = 0");
  }

  async listDatasets(): Promise<DatasetSummary[]> {
    const rows = await this.rows(
      `SELECT meta FROM datasets d WHERE NOT deleted AND version = (SELECT max(version) FROM datasets x WHERE x.id = d.id) ORDER BY created_at DESC, id COLLATE "C"`,
    );
    return rows.map((r) => summarize(datasetSchema.parse(r.meta)));
  }

  private async latest(id: string, client?: pg.PoolClient): Promise<{ dataset: Dataset; table: string } | null> {
    if (!isValidDatasetId(id)) return null;
    const sql = `SELECT version, data_table, deleted FROM datasets WHERE id = $1 ORDER BY version DESC LIMIT 1`;
    const rows = client ? ((await client.query(sql, [id])).rows as Row[]) : await this.rows(sql, [id]);
    if (!rows.length || rows[0].deleted) return null;
    const version = Number(rows[0].version);
    const dataset = await this.cache.dataset(id, version, async () => {
      const metaSql = `SELECT meta FROM datasets WHERE id = $1 AND version = $2`;
      const meta = client ? ((await client.query(metaSql, [id, version])).rows as Row[]) : await this.rows(metaSql, [id, version]);
      return meta.length ? datasetSchema.parse(meta[0].meta) : null;
    });
    return dataset ? { dataset, table: String(rows[0].data_table) } : null;
  }

  async getDataset(id: string): Promise<Dataset | null> {
    return (await this.latest(id))?.dataset ?? null;
  }

  private async tableOf(dataset: Dataset): Promise<string> {
    const rows = await this.rows(`SELECT data_table FROM datasets WHERE id = $1 AND version = $2 AND NOT deleted`, [dataset.id, dataset.version]);
    if (!rows.length) throw new AppError("not_found", `dataset not found: ${dataset.id}`);
    return String(rows[0].data_table);
  }

  async importDataset(meta: NewDatasetMeta, run: (sink: RowSink) => Promise<IngestResult>, finish?: FinishImport): Promise<Dataset> {
    const id = meta.id ?? newDatasetId(meta.name);
    if (!isValidDatasetId(id)) throw new AppError("bad_request", `invalid dataset id: ${id}`);
    return this.transaction(async (client) => {
      // An import can take minutes: a second import of the same id fails fast instead of queueing.
      const got = await client.query("SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok", [DATASET_LOCK_NS, id]);
      if (!got.rows[0]?.ok) throw new AppError("conflict", `dataset ${id} is being imported or changed by another request`);
      const prev = (await client.query(`SELECT max(version) AS v, bool_and(deleted) AS gone FROM datasets WHERE id = $1`, [id])).rows[0] as Row;
      if (prev?.v != null && prev.gone === false) throw new AppError("conflict", `dataset already exists: ${id}`);
      const version = prev?.v == null ? 1 : Number(prev.v) + 1;
      const table = pgDataTableName(id, version);
      const sink = new PgSink(client, table);
      let result = await run(sink);
      await sink.finish(result.columns);
      if (finish) result = finish(result);
      const dataset = newDatasetRecord(id, version, meta, result);
      await insertMeta(client, dataset, table);
      // the owner commits with the dataset row: never a moment in which it exists without its workspace
      if (meta.workspaceId) await client.query(UPSERT_OWNER, [id, meta.workspaceId]);
      if (meta.uploadedBy) await client.query(UPSERT_UPLOADER, [id, meta.uploadedBy, new Date().toISOString()]);
      for (const st of detectedColumnStatusInserts(id, meta.columnStatus?.(dataset) ?? [])) await client.query(st.sql, st.params);
      // the cell-key method's secret (record keys derive from it): fixed at import
      await client.query(INSERT_CELL_KEY_SECRET, [id, newCellKeySecret(), new Date().toISOString()]);
      return dataset;
    });
  }

  saveQuestions(id: string, questions: Question[], patch: { defaultWeight?: DefaultWeight | null } = {}): Promise<Dataset> {
    return this.transaction(async (client) => {
      if (isValidDatasetId(id)) await this.lockId(client, id);
      const cur = await this.latest(id, client);
      if (!cur) throw new AppError("not_found", `dataset not found: ${id}`);
      const dataset = datasetSchema.parse({ ...replaceDefaultWeight(cur.dataset, patch.defaultWeight), version: cur.dataset.version + 1, questions, createdAt: new Date().toISOString() });
      await insertMeta(client, dataset, cur.table);
      return dataset;
    });
  }

  deriveVersion(dataset: Dataset, added: DerivedColumn[], questions: Question[], lineage: DatasetLineage): Promise<Dataset> {
    return this.transaction(async (client) => {
      if (isValidDatasetId(dataset.id)) await this.lockId(client, dataset.id);
      const cur = await this.latest(dataset.id, client);
      if (!cur) throw new AppError("not_found", `dataset not found: ${dataset.id}`);
      const src = (await client.query(`SELECT data_table FROM datasets WHERE id = $1 AND version = $2 AND NOT deleted`, [dataset.id, dataset.version]))
        .rows as Row[];
      if (!src.length) throw new AppError("not_found", `dataset not found: ${dataset.id}`);
      const source = String(src[0].data_table);
      const version = cur.dataset.version + 1;
      const table = pgDataTableName(dataset.id, version);
      const first = dataset.columns.length;
      if (first + added.length > PG_MAX_DATA_COLUMNS) {
        throw new AppError("bad_request", `a version may hold at most ${PG_MAX_DATA_COLUMNS} columns in the PostgreSQL store`);
      }
      const names = added.map((_, i) => ident(`c${first + i}`));
      const columns = [...dataset.columns, ...added.map((a, i) => ({ index: first + i, name: `c${first + i}`, headers: [a.header] }))];
      // the added values, keyed by rid (= row order), staged in a temporary table dropped at commit
      const staged = ident(`${table}_add`);
      await client.query(`CREATE TEMP TABLE ${staged} (rid BIGINT NOT NULL${names.map((n) => `, ${n} TEXT`).join("")}) ON COMMIT DROP`);
      const rows = Math.max(0, ...added.map((a) => a.values.length));
      const insert = `INSERT INTO ${staged} SELECT * FROM unnest($1::bigint[]${names.map((_, i) => `, $${i + 2}::text[]`).join("")})`;
      const batch = 20_000;
      for (let start = 0; start < rows; start += batch) {
        const end = Math.min(rows, start + batch);
        const rids = Array.from({ length: end - start }, (_, i) => start + i);
        const cols = added.map((a) => rids.map((r) => (a.values[r] === undefined || a.values[r] === "" ? null : a.values[r])));
        await client.query(insert, [rids, ...cols]);
      }
      const addedCols = names.map((n) => `a.${n}`).join(", ");
      await client.query(
        `CREATE TABLE ${ident(table)} AS SELECT t.*${addedCols ? ", " + addedCols : ""} FROM ${ident(source)} t LEFT JOIN ${staged} a USING (rid) ORDER BY t.rid`,
      );
      const next = datasetSchema.parse({
        ...cur.dataset,
        version,
        columns,
        questions,
        lineage: [...cur.dataset.lineage, lineage],
        createdAt: new Date().toISOString(),
      });
      await insertMeta(client, next, table);
      return next;
    });
  }

  async deleteDataset(id: string): Promise<boolean> {
    if (!isValidDatasetId(id)) return false;
    return this.transaction(async (client) => {
      await this.lockId(client, id);
      const rows = (await client.query(`SELECT DISTINCT data_table FROM datasets WHERE id = $1 AND NOT deleted`, [id])).rows as Row[];
      if (!rows.length) return false;
      for (const r of rows) await client.query(`DROP TABLE IF EXISTS ${ident(String(r.data_table))}`);
      // C44: the tombstone keeps no metadata (headers, labels, option values and counts)
      await client.query(`UPDATE datasets SET deleted = TRUE, name = '', meta = '{}'::jsonb WHERE id = $1`, [id]);
      this.cache.forget(
        id,
        rows.map((r) => String(r.data_table)),
      );
      return true;
    });
  }

  async deleteWorkspace(workspaceId: string): Promise<WorkspaceDeletion | null> {
    return this.transaction(async (client) => {
      const tx: SqlRunner = { dialect: "postgres", all: async (sql, params = []) => (await client.query(sql, params)).rows as Row[], transaction: (fn) => fn(tx) };
      // the same per-dataset lock as deleteDataset/saveQuestions, so no version is written meanwhile
      for (const id of new Set((await workspaceDatasetTables(tx, workspaceId)).map((d) => d.id))) if (isValidDatasetId(id)) await this.lockId(client, id);
      const deleted = await deleteWorkspaceRows(tx, workspaceId);
      for (const id of deleted?.datasetIds ?? []) this.cache.forget(id, deleted?.dataTables ?? []);
      return deleted;
    });
  }

  async cellSums(dataset: Dataset, plan: CrosstabPlan): Promise<CrosstabInput> {
    const table = await this.tableOf(dataset);
    return this.cache.sums(table, plan, async () => {
      const levels =
        plan.segmentLevels ??
        (await this.cache.levels(table, plan.segment.column, plan.segment.missingCodes, async () => {
          const st = buildDistinctStatement(table, plan.segment.column, plan.segment.missingCodes);
          return (await this.rows(st.sql, st.params)).map((r) => String(r.v)).sort(compareBytes);
        }));
      const st = buildCellSumsStatement(table, plan, levels, postgresDialect);
      const rows = await this.rows(fenceRowCte(st.sql, table).sql, st.params);
      return toCrosstabInput(plan, levels, rows.map(toSumsRow));
    });
  }

  async memberships(dataset: Dataset, plan: CrosstabPlan): Promise<Memberships> {
    const table = await this.tableOf(dataset);
    const levels =
      plan.segmentLevels ??
      (await this.cache.levels(table, plan.segment.column, plan.segment.missingCodes, async () => {
        const st = buildDistinctStatement(table, plan.segment.column, plan.segment.missingCodes);
        return (await this.rows(st.sql, st.params)).map((r) => String(r.v)).sort(compareBytes);
      }));
    const st = buildMembershipStatement(table, plan, levels, postgresDialect);
    const [count] = await this.rows(`SELECT CAST(COUNT(*) AS DOUBLE PRECISION) AS n FROM ${ident(table)}`);
    return toMemberships(Number(count.n), await this.rows(st.sql, st.params));
  }

  async valueCounts(dataset: Dataset, column: string, limit: number): Promise<{ value: string; n: number }[]> {
    const table = await this.tableOf(dataset);
    const c = ident(column);
    // COLLATE "C": ties ordered by bytes, as DuckDB does, whatever the database's locale
    const rows = await this.rows(
      `SELECT ${c} AS v, CAST(COUNT(*) AS DOUBLE PRECISION) AS n FROM ${ident(table)} WHERE ${c} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, ${c} COLLATE "C" LIMIT ${Math.max(1, Math.floor(limit))}`,
    );
    return rows.map((r) => ({ value: String(r.v), n: Number(r.n) }));
  }

  async readRows(dataset: Dataset, columns: string[], limit: number, filters: FilterPlan[] = []): Promise<(string | null)[][]> {
    const table = await this.tableOf(dataset);
    const st = buildReadRowsStatement(table, columns, filters, limit, postgresDialect);
    const res = await this.read(st.sql, st.params, "array");
    return res.rows as (string | null)[][];
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function insertMeta(client: pg.PoolClient, dataset: Dataset, table: string): Promise<void> {
  await client.query(`INSERT INTO datasets (id, version, data_table, name, meta) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
    dataset.id,
    dataset.version,
    table,
    dataset.name,
    JSON.stringify(dataset),
  ]);
}

function schemaFromUrl(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get("schema") ?? undefined;
  } catch {
    return undefined;
  }
}

/** database errors the API should answer with a proper code */
function mapError(err: unknown): unknown {
  const code = (err as { code?: string } | null)?.code;
  // a table dropped by a delete on another instance between the metadata lookup and the query
  if (code === "42P01") return new AppError("not_found", "dataset not found (deleted)");
  // two instances raced past the lock (should not happen) onto the same (id, version)
  if (code === "23505") return new AppError("conflict", "dataset version already exists");
  return err;
}
