import type { DuckDBConnection } from "@duckdb/node-api";
import { compareBytes } from "@/lib/engine/byte-compare";
import type { BulkLoader, CsvLoadPlan } from "@/lib/ingest/types";
import { PLAIN_DECIMAL_PATTERN } from "@/lib/ingest/values";
import { typedColumnName } from "../sql/crosstab-sql";
import { duckdbDialect } from "../sql/dialect";
import { ident } from "../sql/params";

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The `read_csv` call that reads a plan's data rows exactly as the streaming parser would: every
 * cell VARCHAR, no sniffing, `"` quoting with `""` escapes, LF records, exactly the header's
 * column count (a short or ragged row is an error, not padding), empty and `""` cells NULL.
 *
 * @example
 * readCsvSql({ path: "/tmp/x.csv", columns, skipLines: 1, delimiter: ",", maxRecordBytes: 1 << 20 });
 * // "read_csv('/tmp/x.csv', header = false, skip = 1, …, columns = {'c0': 'VARCHAR', …})"
 */
export function readCsvSql(plan: CsvLoadPlan): string {
  const columns = plan.columns.map((c) => `${literal(c.name)}: 'VARCHAR'`).join(", ");
  return [
    `read_csv(${literal(plan.path)}`,
    `auto_detect = false, all_varchar = true, header = false, skip = ${plan.skipLines}`,
    `delim = ${literal(plan.delimiter)}, quote = '"', escape = '"', new_line = '\\n'`,
    `strict_mode = true, null_padding = false, allow_quoted_nulls = true, ignore_errors = false`,
    // one byte under the cap (the pipeline counts the line break too): a record at the cap streams and fails there
    `max_line_size = ${Math.max(1, Math.floor(plan.maxRecordBytes) - 1)}, columns = {${columns}})`,
  ].join(", ");
}

/** end whatever transaction is open, drop the staging table and the data table if `store` committed it, and begin the import transaction again */
async function restart(conn: DuckDBConnection, staging: string, table: string): Promise<void> {
  await conn.run("ROLLBACK").catch(() => undefined);
  await conn.run(`DROP TABLE IF EXISTS ${staging}`);
  await conn.run(`DROP TABLE IF EXISTS ${table}`);
  await conn.run("BEGIN TRANSACTION");
}

/** rows per string handed over by `filledCells` */
const CELLS_PER_PART = 65_536;

/** `ENUM('a', 'b')` in DuckDB's own (byte) order of the values, so sorting and min/max read the column as VARCHAR would */
export function enumType(values: readonly string[]): string {
  return `ENUM(${[...values].sort(compareBytes).map(literal).join(", ")})`;
}

/**
 * The DuckDB side of the bulk import path (see BulkLoader). `load`: `read_csv` into a TEMP staging
 * table of the import's connection (in memory: parsing only, no compression), which the profile's
 * questions then read. `store`: the data table, with the dictionary columns as ENUMs (DuckDB
 * compresses and counts a dictionary column several times faster than text) and the typed
 * shadows of `plan.numericHints`, filled from the staging table in one INSERT, then committed.
 * File order is kept throughout (preserve_insertion_order), so the data table's `rowid` is the
 * file order: no row-number column is stored. When DuckDB refuses the file, the transaction is
 * rolled back and begun again and `load` answers null; `discard` does the same later.
 *
 * @example
 * const bulk = duckDbBulkLoader(conn, "d_x_v1");
 * const rows = await bulk.load(plan); // null → stream the file instead
 * await bulk.store(new Map([["c1", ["Yes", "No"]]]));
 */
export function duckDbBulkLoader(conn: DuckDBConnection, table: string): BulkLoader {
  const t = ident(table);
  const staging = ident(`${table}_staging`);
  let loaded: CsvLoadPlan | null = null;
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getColumns();
  return {
    async load(plan) {
      try {
        // outside the import transaction (which holds nothing yet): DuckDB reads a table created inside a
        // transaction about half as fast until it is committed. The staging table is the connection's own
        // (TEMP) and goes with it, whatever happens to the process.
        await conn.run("COMMIT");
        await conn.run(`CREATE TEMP TABLE ${staging} AS SELECT * FROM ${readCsvSql(plan)}`);
        const [[n]] = (await conn.runAndReadAll(`SELECT CAST(count(*) AS DOUBLE) FROM ${staging}`)).getRowsJS() as number[][];
        loaded = plan;
        return n;
      } catch {
        await restart(conn, staging, t);
        return null;
      }
    },
    async store(dictionaries) {
      const plan = loaded;
      if (!plan) throw new Error("bulk: store before a successful load");
      const names = new Set(plan.columns.map((c) => c.name));
      const typed = [...new Set(plan.numericHints ?? [])].filter((c) => names.has(c)).sort();
      const type = (c: string) => {
        const values = dictionaries.get(c);
        return values?.length ? enumType(values) : "VARCHAR";
      };
      const defs = [...plan.columns.map((c) => `${ident(c.name)} ${type(c.name)}`), ...typed.map((c) => `${ident(typedColumnName(c))} DOUBLE`)];
      const select = [...plan.columns.map((c) => ident(c.name)), ...typed.map((c) => duckdbDialect.finiteNumber(ident(c)))];
      await conn.run(`CREATE TABLE ${t} (${defs.join(", ")})`);
      // a plain scan keeps the staging table's order (preserve_insertion_order): rowid stays the file order.
      // Committed (autocommit) before the dataset is registered in the store's transaction, begun again below:
      // until then the table is unregistered, dropped by the store on any failure and by `sweepOrphanTables`
      // at open after a crash
      await conn.run(`INSERT INTO ${t} SELECT ${select.join(", ")} FROM ${staging}`);
      await conn.run(`DROP TABLE ${staging}`);
      await conn.run("BEGIN TRANSACTION");
      loaded = null;
    },
    async discard() {
      loaded = null;
      await restart(conn, staging, t);
    },
    async distinctValues(column) {
      const c = ident(column);
      const [values, counts] = await rows(`SELECT ${c} AS v, CAST(count(*) AS DOUBLE) AS n FROM ${staging} WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY min(rowid)`);
      return { values: (values ?? []) as string[], counts: (counts ?? []) as number[] };
    },
    async filledCells(column) {
      const c = ident(column);
      // a few NUL-joined strings instead of a JS string per cell (3× faster to hand over); a cell holding NUL itself is sent as is
      const [parts, nul] = await rows(
        `SELECT string_agg(${c}, chr(0) ORDER BY rowid), bool_or(contains(${c}, chr(0))) FROM ${staging} WHERE ${c} IS NOT NULL GROUP BY rowid // ${CELLS_PER_PART} ORDER BY rowid // ${CELLS_PER_PART}`,
      );
      if (!(nul ?? []).some(Boolean)) return ((parts ?? []) as string[]).flatMap((p) => p.split("\0"));
      // a filtered scan returns the table's rows in insertion (file) order: preserve_insertion_order is on
      return ((await rows(`SELECT ${c} FROM ${staging} WHERE ${c} IS NOT NULL ORDER BY rowid`))[0] ?? []) as string[];
    },
    async plainNumbers(column, maxDistinct) {
      const c = ident(column);
      const d = `TRY_CAST(${c} AS DOUBLE)`;
      const [stats] = (
        await conn.runAndReadAll(
          `SELECT CAST(count(${c}) AS DOUBLE), CAST(count(*) FILTER (WHERE NOT regexp_full_match(${c}, '${PLAIN_DECIMAL_PATTERN}')) AS DOUBLE),
            CAST(count(*) FILTER (WHERE ${d} = trunc(${d})) AS DOUBLE), min(${d}), max(${d}), CAST(max(length(${c})) AS DOUBLE) FROM ${staging}`,
        )
      ).getRowsJS() as (number | null)[][];
      const [count, other, integers, min, max, maxLength] = stats;
      if (other !== 0 || !count) return null;
      // the first maxDistinct distinct values: from a prefix of the column, longer until it holds that many (or all)
      let values: string[] = [];
      for (let take = 4 * maxDistinct; ; take *= 4) {
        const cells = ((await rows(`SELECT ${c} FROM ${staging} WHERE ${c} IS NOT NULL ORDER BY rowid LIMIT ${take}`))[0] ?? []) as string[];
        values = [...new Set(cells)].slice(0, maxDistinct);
        if (values.length === maxDistinct || cells.length < take) break;
      }
      const list = values.map(literal).join(", ");
      const [v, n] = await rows(`SELECT ${c}, CAST(count(*) AS DOUBLE) FROM ${staging} WHERE ${c} IN (${list}) GROUP BY ${c}`);
      const counted = new Map((v ?? []).map((x, i) => [x as string, (n ?? [])[i] as number]));
      return { count, integers: integers!, min: min!, max: max!, maxLength: maxLength!, first: { values, counts: values.map((x) => counted.get(x) ?? 0) } };
    },
    async answered(groups, ignored, clean) {
      const list = ignored.map(literal).join(", ");
      const unanswered = (c: string) => (clean.has(c) || !list ? `${ident(c)} IS NULL` : `(${ident(c)} IS NULL OR ${ident(c)} IN (${list}))`);
      const count = async (where: string) => Number((await conn.runAndReadAll(`SELECT CAST(count(*) AS DOUBLE) FROM ${staging}${where}`)).getRowsJS()[0][0]);
      const total = await count("");
      const out: number[] = [];
      // the rows answering none of the group's columns, subtracted: an AND of per-column filters is pushed into the
      // scan, which then reads each next column only for the rows still unanswered (8× faster than an OR of answers)
      for (const g of groups) out.push(g.length ? total - (await count(` WHERE ${g.map(unanswered).join(" AND ")}`)) : 0);
      return out;
    },
  };
}
