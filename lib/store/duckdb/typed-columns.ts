import type { DuckDBConnection } from "@duckdb/node-api";
import type { Question } from "@/lib/schema/question";
import { duckdbDialect } from "../sql/dialect";
import { typedColumnName } from "../sql/crosstab-sql";
import { ident } from "../sql/params";

const NUMERIC_TYPES = new Set<Question["type"]>(["weight"]);

/**
 * The columns that get a typed (DOUBLE) shadow at import: those of weight questions, read as
 * numbers by every weighted crosstab (twice per row). Numeric and ordinal columns (means) are
 * left as text: the shadow costs an UPDATE pass at import (≈ 0.15 s per column per 100 000
 * rows), worth it only for the column nearly every query reads. A question retyped later simply
 * falls back to parsing the text per query.
 *
 * @example
 * numericColumns([{ type: "weight", columns: ["c7"] } as Question]); // ["c7"]
 */
export function numericColumns(questions: Question[]): string[] {
  const out = new Set<string>();
  for (const q of questions) if (NUMERIC_TYPES.has(q.type)) for (const c of q.columns) out.add(c);
  return [...out].sort();
}

/**
 * Add `<column>__d DOUBLE` shadows to a freshly loaded data table, filled in one pass with the
 * dialect's own `finiteNumber(column)`, so a query reading the shadow gets exactly the value it
 * would have computed from the text (NULL for anything that is not a finite number). Runs inside
 * the import transaction: it commits or rolls back with the data.
 *
 * @example
 * await addTypedColumns(conn, "d_demo_v1", ["c7"]); // d_demo_v1.c7__d = TRY_CAST(trim(c7) AS DOUBLE), finite only
 */
export async function addTypedColumns(conn: DuckDBConnection, table: string, wanted: string[]): Promise<void> {
  if (!wanted.length) return;
  // the bulk loader fills the shadows of likely weights as it loads (an UPDATE afterwards costs a rewrite at COMMIT)
  const present = await typedColumnsOf(conn, table);
  const columns = wanted.filter((c) => !present.has(c));
  if (!columns.length) return;
  for (const c of columns) await conn.run(`ALTER TABLE ${ident(table)} ADD COLUMN ${ident(typedColumnName(c))} DOUBLE`);
  const sets = columns.map((c) => `${ident(typedColumnName(c))} = ${duckdbDialect.finiteNumber(ident(c))}`);
  await conn.run(`UPDATE ${ident(table)} SET ${sets.join(", ")}`);
}

/** The source columns of `table` that have a typed shadow (read from the catalog). */
export async function typedColumnsOf(conn: DuckDBConnection, table: string): Promise<Set<string>> {
  const reader = await conn.runAndReadAll(`SELECT column_name AS c FROM duckdb_columns() WHERE table_name = $1`, [table]);
  const names = new Set((reader.getRowObjectsJS() as { c: string }[]).map((r) => r.c));
  const out = new Set<string>();
  for (const n of names) {
    const m = /^(c\d+)__d$/.exec(n);
    if (m && names.has(m[1])) out.add(m[1]);
  }
  return out;
}
