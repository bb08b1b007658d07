/**
 * Text → table for the drivers CLI and golden tests: papaparse in array mode, first row is the
 * header, every cell stays text ("" = missing), blank lines are skipped (as `read.csv`).
 */
import Papa from "papaparse";
import type { TextTable } from "./analysis-rows";

/**
 * Parse CSV text into a header and rows of text cells; a ragged row is an error.
 * @example parseCsvTable('a,b\n1,"x,y"\n') // { header: ["a", "b"], rows: [["1", "x,y"]] }
 */
export function parseCsvTable(text: string): TextTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: true, dynamicTyping: false });
  const quoteError = parsed.errors.find((e) => e.type === "Quotes");
  if (quoteError) throw new Error(`malformed csv: ${quoteError.message} (row ${(quoteError.row ?? 0) + 1})`);
  const [header, ...rows] = parsed.data;
  if (!header) throw new Error("empty csv: no header row");
  rows.forEach((r, i) => {
    if (r.length !== header.length) throw new Error(`ragged csv row: row ${i + 2} has ${r.length} cells, the header ${header.length}`);
  });
  return { header, rows };
}
