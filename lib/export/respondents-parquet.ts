/**
 * Respondent-level export as Parquet: the typed table and the file's key/value metadata (pure). The
 * bytes are written by lib/store (`writeParquet`, DuckDB's Parquet writer): no maintained pure-JS
 * writer is a dependency. Numeric questions are DOUBLE columns, everything else VARCHAR; missing and
 * suppressed cells are null (Parquet has no `*`: the metadata says so and counts them). Column
 * names are the CSV export's headers, without control characters, made unique ignoring case (DuckDB
 * and most readers fold case).
 */
import { stripControls } from "@/lib/format/bidi";
import { cellKinds, typedCell, type RespondentColumn } from "./respondent-columns";
import { aboutFacts, factJson, type RespondentExportAbout } from "./respondents-about";

/** How this format writes a suppressed cell. */
export const PARQUET_SUPPRESSED_AS = "null";

/** Prefix of the file's key/value metadata keys. */
export const PARQUET_KEY_PREFIX = "surveyscope.";

/** A typed table for a Parquet writer. */
export interface ParquetTable {
  columns: { name: string; type: "DOUBLE" | "VARCHAR" }[];
  rows: (number | string | null)[][];
  /** file-level key/value metadata */
  metadata: Record<string, string>;
}

/**
 * Column names a Parquet reader takes: controls removed, never empty, unique ignoring case
 * (a repeat gets " (2)", " (3)", …).
 *
 * @example parquetNames(["age", "Age", ""]) // ["age", "Age (2)", "column 3"]
 */
export function parquetNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    const base = stripControls(raw).replace(/[\u0000-\u001f\u007f]/g, " ").trim() || `column ${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * The export as a typed table with its metadata: `surveyscope.<fact>` for every fact of
 * aboutFacts (filters and lists as JSON), and `surveyscope.columns`, a JSON list of each column's
 * name, question id, question text, question type and missing codes.
 *
 * @example
 * const table = parquetTable(respondentColumns(questions), rows, about);
 * const bytes = await writeParquet(table); // lib/store
 */
export function parquetTable(columns: RespondentColumn[], rows: (string | null)[][], about: RespondentExportAbout): ParquetTable {
  const kinds = cellKinds(columns, rows);
  const names = parquetNames(columns.map((c) => c.name));
  const typed = rows.map((row) => {
    if (row.length !== columns.length) throw new Error(`row has ${row.length} cells, expected ${columns.length}`);
    return row.map((cell, j) => typedCell(cell, kinds[j], null));
  });
  const metadata: Record<string, string> = {};
  for (const f of aboutFacts(about, PARQUET_SUPPRESSED_AS)) metadata[`${PARQUET_KEY_PREFIX}${f.key}`] = factJson(f.value);
  metadata[`${PARQUET_KEY_PREFIX}columns`] = JSON.stringify(
    columns.map((c, j) => ({ name: names[j], question: c.question.id, label: c.label, type: c.question.type, missingCodes: c.question.missingCodes })),
  );
  return { columns: names.map((name, j) => ({ name, type: kinds[j] === "number" ? "DOUBLE" : "VARCHAR" })), rows: typed, metadata };
}
