import { readFileSync } from "node:fs";
import Papa from "papaparse";

/** A parsed demo CSV: header and records keyed by header. */
export interface ParsedCsv {
  header: string[];
  rows: Record<string, string>[];
}

/**
 * Parses a committed demo CSV with papaparse in array mode (no type coercion) and keys each
 * record by the header row. Throws on parse errors or ragged rows.
 *
 * @example
 * const { header, rows } = readDemoCsv("data/demo/ai-agents-production.csv");
 */
export function readDemoCsv(path: string): ParsedCsv {
  const text = readFileSync(path, "utf8");
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true, dynamicTyping: false });
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  const [header, ...records] = parsed.data;
  const rows = records.map((rec, r) => {
    if (rec.length !== header.length) throw new Error(`${path}: row ${r + 2} has ${rec.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, rec[j]]));
  });
  return { header, rows };
}
