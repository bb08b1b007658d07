import type { IssueCollector } from "./issues";
import type { RawRecord } from "./parse";
import { IngestError } from "./types";

/**
 * Fit a record to the column count: short rows are padded with "" (a located warning), long
 * rows lose trailing empty cells, and a long row with a non-empty extra cell is a located error.
 *
 * @example
 * fitRow({ cells: ["1"], line: 3 }, 2, warnings); // ["1", ""] and a "short-row" warning
 */
export function fitRow(record: RawRecord, width: number, warnings: IssueCollector): string[] {
  const { cells, line, byteOffset } = record;
  if (cells.length === width) return cells;
  if (cells.length < width) {
    const message = `short row: line ${line} has ${cells.length} of ${width} cells; padded with empty cells`;
    warnings.add({ code: "short-row", message, row: line, byteOffset });
    while (cells.length < width) cells.push("");
    return cells;
  }
  const extra = cells.findIndex((c, i) => i >= width && c !== "");
  if (extra !== -1) {
    const message = `long row: line ${line} has ${cells.length} cells but the header has ${width}; column ${extra + 1} holds "${cells[extra].slice(0, 40)}"`;
    const ragged = warnings.list.filter((w) => w.code === "short-row");
    throw new IngestError("long-row", message, [{ code: "long-row", message, row: line, column: extra + 1, byteOffset }, ...ragged]);
  }
  cells.length = width;
  return cells;
}
