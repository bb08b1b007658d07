import { readCsvTable, type TextTable } from "@/lib/ingest/read-table";
import { IngestError } from "@/lib/ingest/types";
import { WeightingError } from "./errors";

/** A data table as text: header row and data rows; `""` is a missing value. */
export type WeightingTable = TextTable;

/**
 * Parse a CSV table (bytes in any encoding the importer reads, or text) with the project's one
 * table reader (lib/ingest/read-table.ts): row 1 is the header, an empty cell is missing, blank
 * lines are skipped, a leading BOM is dropped; a malformed file is a WeightingError.
 *
 * @example parseCsvTable('"id","size"\n1,small\n2,\n').rows // [["1", "small"], ["2", ""]]
 */
export function parseCsvTable(input: string | Uint8Array): WeightingTable {
  try {
    return readCsvTable(input);
  } catch (err) {
    if (err instanceof IngestError) throw new WeightingError("invalid_data", `malformed csv: ${err.message}`);
    throw err;
  }
}
