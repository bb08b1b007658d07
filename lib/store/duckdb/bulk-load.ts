import type { DuckDBConnection } from "@duckdb/node-api";
import type { BulkLoader, CsvLoadPlan } from "@/lib/ingest/types";
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

/** roll the import transaction back (it holds nothing but the loaded table yet) and begin it again */
async function restart(conn: DuckDBConnection): Promise<void> {
  await conn.run("ROLLBACK").catch(() => undefined);
  await conn.run("BEGIN TRANSACTION");
}

/**
 * The DuckDB side of the bulk import path (see BulkLoader): `read_csv` into the data table inside
 * the import transaction, `rid` in file order. When DuckDB refuses the file, the transaction
 * (which holds nothing else yet) is rolled back and begun again, and `load` answers null;
 * `discard` does the same after a successful load.
 *
 * @example
 * const bulk = duckDbBulkLoader(conn, "d_x_v1");
 * const rows = await bulk.load(plan); // null → stream the file instead
 */
export function duckDbBulkLoader(conn: DuckDBConnection, table: string): BulkLoader {
  const t = ident(table);
  return {
    async load(plan) {
      const defs = plan.columns.map((c) => `${ident(c.name)} VARCHAR`);
      try {
        await conn.run(`CREATE TABLE ${t} (rid BIGINT NOT NULL${defs.length ? ", " + defs.join(", ") : ""})`);
        const res = await conn.run(`INSERT INTO ${t} SELECT row_number() OVER () - 1, * FROM ${readCsvSql(plan)}`);
        return Number(res.rowsChanged);
      } catch {
        await restart(conn);
        return null;
      }
    },
    discard: () => restart(conn),
    async distinctValues(column) {
      const c = ident(column);
      const reader = await conn.runAndReadAll(`SELECT ${c} AS v, CAST(count(*) AS DOUBLE) AS n FROM ${t} WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY min(rid)`);
      const [values, counts] = reader.getColumns();
      return { values: (values ?? []) as string[], counts: (counts ?? []) as number[] };
    },
    async cells(column) {
      // a plain scan returns the table's rows in insertion (rid) order: preserve_insertion_order is on
      const reader = await conn.runAndReadAll(`SELECT ${ident(column)} FROM ${t}`);
      return (reader.getColumns()[0] ?? []) as (string | null)[];
    },
    async answered(columns, ignored) {
      const list = ignored.map(literal).join(", ");
      const any = columns.map((c) => `(${ident(c)} IS NOT NULL${list ? ` AND ${ident(c)} NOT IN (${list})` : ""})`).join(" OR ");
      const reader = await conn.runAndReadAll(`SELECT CAST(count(*) AS DOUBLE) AS n FROM ${t} WHERE ${any || "FALSE"}`);
      return Number(reader.getRowsJS()[0][0]);
    },
  };
}
