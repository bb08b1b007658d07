/**
 * Text → table for the drivers CLI and golden tests, through the project's one table reader
 * (lib/ingest/read-table.ts): first row is the header, every cell stays text ("" = missing),
 * blank lines are skipped (as `read.csv`), a ragged row or a broken quote is a located IngestError.
 */
import { readCsvTable } from "@/lib/ingest/read-table";
import type { TextTable } from "./analysis-rows";

/**
 * Parse CSV bytes or text into a header and rows of text cells; a ragged row is an error.
 * @example parseCsvTable('a,b\n1,"x,y"\n') // { header: ["a", "b"], rows: [["1", "x,y"]] }
 */
export function parseCsvTable(input: string | Uint8Array): TextTable {
  return readCsvTable(input);
}
