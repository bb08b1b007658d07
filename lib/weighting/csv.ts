import Papa from "papaparse";
import { WeightingError } from "./errors";

/** A data table as text: header row and data rows; `""` is a missing value. */
export interface WeightingTable {
  header: string[];
  rows: string[][];
}

/**
 * Parse CSV text into a table (papaparse array mode): row 1 is the header, an empty cell is
 * missing, blank lines are skipped, a leading BOM is dropped.
 *
 * @example parseCsvTable('"id","size"\n1,small\n2,\n').rows // [["1", "small"], ["2", ""]]
 */
export function parseCsvTable(text: string): WeightingTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: true });
  const fatal = parsed.errors.find((e) => e.type === "Quotes");
  if (fatal) throw new WeightingError("invalid_data", `malformed csv: row ${(fatal.row ?? 0) + 1} (${fatal.message.toLowerCase()})`);
  const [header, ...rows] = parsed.data;
  if (!header || header.every((h) => h === "")) throw new WeightingError("invalid_data", "malformed csv: no header row");
  rows.forEach((r, i) => {
    if (r.length !== header.length) {
      throw new WeightingError("invalid_data", `malformed csv: row ${i + 1} has ${r.length} fields (header has ${header.length})`);
    }
  });
  return { header, rows };
}
