import type { DuckDBConnection } from "@duckdb/node-api";
import type { BulkLoader, CsvLoadPlan } from "@/lib/ingest/types";
import { PLAIN_DECIMAL_PATTERN } from "@/lib/ingest/values";
import { typedColumnName } from "../sql/crosstab-sql";
import { duckdbDialect } from "../sql/dialect";
import { ident } from "../sql/params";
import { ReaderPool } from "./reader-pool";

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

/** roll the import transaction back, drop the table if `load` committed it, and begin the transaction again */
async function restart(conn: DuckDBConnection, table: string): Promise<void> {
  await conn.run("ROLLBACK").catch(() => undefined);
  await conn.run(`DROP TABLE IF EXISTS ${table}`);
  await conn.run("BEGIN TRANSACTION");
}

/** rows per string handed over by `filledCells` */
const CELLS_PER_PART = 65_536;


/**
 * The DuckDB side of the bulk import path (see BulkLoader): `read_csv` into the data table inside
 * the import transaction. No row-number column is stored: a single INSERT from `read_csv` keeps
 * file order (preserve_insertion_order), so `rowid` is the file order. Columns of
 * `plan.numericHints` get their typed shadow (typed-columns.ts) in the same statement. When
 * DuckDB refuses the file, the transaction (which holds nothing else yet) is rolled back and
 * begun again, and `load` answers null; `discard` does the same after a successful load.
 *
 * @example
 * const bulk = duckDbBulkLoader(conn, "d_x_v1");
 * const rows = await bulk.load(plan); // null → stream the file instead
 */
export function duckDbBulkLoader(conn: DuckDBConnection, table: string, connect?: () => Promise<DuckDBConnection>): BulkLoader {
  const t = ident(table);
  // the profile's queries on the committed table run two at a time (the import's connection and one more)
  const readers = new ReaderPool(conn, connect, 1);
  const read = <T>(fn: (rows: (sql: string) => Promise<unknown[][]>, c: DuckDBConnection) => Promise<T>) =>
    readers.use((c) => fn(async (sql) => (await c.runAndReadAll(sql)).getColumns(), c));
  return {
    async load(plan) {
      const names = new Set(plan.columns.map((c) => c.name));
      const typed = [...new Set(plan.numericHints ?? [])].filter((c) => names.has(c)).sort();
      const defs = [...plan.columns.map((c) => `${ident(c.name)} VARCHAR`), ...typed.map((c) => `${ident(typedColumnName(c))} DOUBLE`)];
      const shadows = typed.map((c) => `, ${duckdbDialect.finiteNumber(ident(c))}`).join("");
      try {
        await conn.run(`CREATE TABLE ${t} (${defs.join(", ")})`);
        const res = await conn.run(`INSERT INTO ${t} SELECT *${shadows} FROM ${readCsvSql(plan)}`);
        // committed before it is profiled: the profile's queries read committed storage about twice as fast
        // as the transaction's own. The dataset exists only once its row is inserted (the store's second
        // transaction); until then the table is unregistered, dropped by the store on any failure and by
        // `sweepOrphanTables` at open after a crash.
        await conn.run("COMMIT");
        await conn.run("BEGIN TRANSACTION");
        readers.allowExtra();
        return Number(res.rowsChanged);
      } catch {
        await restart(conn, t);
        return null;
      }
    },
    async discard() {
      readers.close();
      await restart(conn, t);
    },
    release: () => readers.close(),
    distinctValues: (column) =>
      read(async (rows) => {
        const c = ident(column);
        const [values, counts] = await rows(`SELECT ${c} AS v, CAST(count(*) AS DOUBLE) AS n FROM ${t} WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY min(rowid)`);
        return { values: (values ?? []) as string[], counts: (counts ?? []) as number[] };
      }),
    filledCells: (column) =>
      read(async (rows) => {
        const c = ident(column);
        // a few NUL-joined strings instead of a JS string per cell (3× faster to hand over); a cell holding NUL itself is sent as is
        const [parts, nul] = await rows(
          `SELECT string_agg(${c}, chr(0) ORDER BY rowid), bool_or(contains(${c}, chr(0))) FROM ${t} WHERE ${c} IS NOT NULL GROUP BY rowid // ${CELLS_PER_PART} ORDER BY rowid // ${CELLS_PER_PART}`,
        );
        if (!(nul ?? []).some(Boolean)) return ((parts ?? []) as string[]).flatMap((p) => p.split("\0"));
        // a filtered scan returns the table's rows in insertion (file) order: preserve_insertion_order is on
        return ((await rows(`SELECT ${c} FROM ${t} WHERE ${c} IS NOT NULL`))[0] ?? []) as string[];
      }),
    plainNumbers: (column, maxDistinct) =>
      read(async (rows, conn) => {
        const c = ident(column);
        const d = `TRY_CAST(${c} AS DOUBLE)`;
        const [stats] = (
          await conn.runAndReadAll(
            `SELECT CAST(count(${c}) AS DOUBLE), CAST(count(*) FILTER (WHERE NOT regexp_full_match(${c}, '${PLAIN_DECIMAL_PATTERN}')) AS DOUBLE),
              CAST(count(*) FILTER (WHERE ${d} = trunc(${d})) AS DOUBLE), min(${d}), max(${d}), CAST(max(length(${c})) AS DOUBLE) FROM ${t}`,
          )
        ).getRowsJS() as (number | null)[][];
        const [count, other, integers, min, max, maxLength] = stats;
        if (other !== 0 || !count) return null;
        // the first maxDistinct distinct values: from a prefix of the column, longer until it holds that many (or all)
        let values: string[] = [];
        for (let take = 4 * maxDistinct; ; take *= 4) {
          const cells = ((await rows(`SELECT ${c} FROM ${t} WHERE ${c} IS NOT NULL LIMIT ${take}`))[0] ?? []) as string[];
          values = [...new Set(cells)].slice(0, maxDistinct);
          if (values.length === maxDistinct || cells.length < take) break;
        }
        const list = values.map(literal).join(", ");
        const [v, n] = await rows(`SELECT ${c}, CAST(count(*) AS DOUBLE) FROM ${t} WHERE ${c} IN (${list}) GROUP BY ${c}`);
        const counted = new Map((v ?? []).map((x, i) => [x as string, (n ?? [])[i] as number]));
        return { count, integers: integers!, min: min!, max: max!, maxLength: maxLength!, first: { values, counts: values.map((x) => counted.get(x) ?? 0) } };
      }),
    answered: (groups, ignored, clean) =>
      read(async (_rows, conn) => {
        const list = ignored.map(literal).join(", ");
        const unanswered = (c: string) => (clean.has(c) || !list ? `${ident(c)} IS NULL` : `(${ident(c)} IS NULL OR ${ident(c)} IN (${list}))`);
        const count = async (where: string) => Number((await conn.runAndReadAll(`SELECT CAST(count(*) AS DOUBLE) FROM ${t}${where}`)).getRowsJS()[0][0]);
        const rows = await count("");
        const out: number[] = [];
        // the rows answering none of the group's columns, subtracted: an AND of per-column filters is pushed into the
        // scan, which then reads each next column only for the rows still unanswered (8× faster than an OR of answers)
        for (const g of groups) out.push(g.length ? rows - (await count(` WHERE ${g.map(unanswered).join(" AND ")}`)) : 0);
        return out;
      }),
  };
}
