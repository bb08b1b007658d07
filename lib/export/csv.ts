/**
 * Table → CSV: the formatted text the UI shows, RFC 4180 quoted, invisible controls stripped (no bidi
 * marks added), formula-neutralized, UTF-8 with BOM
 * and CRLF line ends so Excel opens it right. Every record has the same number of fields (title and
 * footnote lines are padded), so the file re-imports as a rectangle.
 */
import { CSV_EOL, UTF8_BOM, csvField, spreadsheetText } from "./escape";
import type { ExportCell, ExportTable } from "./table-model";

/** A number formatted by lib/format/number: `-1,234.5`, `74.1%`, `30.6`. */
const FORMATTED_NUMBER = /^-?\d{1,3}(,\d{3})*(\.\d+)?%?$|^-?\d+(\.\d+)?%?$/;

/**
 * The CSV text of one cell. Numeric cells whose text is a number we formatted stay as they are;
 * everything else (labels, "n/a", letters) goes through {@link spreadsheetText} (controls stripped,
 * formula-neutralized).
 */
export function cellToCsv(cell: ExportCell): string {
  const safe = cell.kind !== "text" && cell.kind !== "letters" && cell.value !== undefined && FORMATTED_NUMBER.test(cell.text);
  return csvField(safe ? cell.text : spreadsheetText(cell.text));
}

/**
 * Render an export table as CSV.
 * @example
 * const csv = tableToCsv(toExportTable({ ... }));
 * csv.startsWith("\uFEFF") // true
 */
export function tableToCsv(model: ExportTable, options: { bom?: boolean } = {}): string {
  const width = Math.max(1, model.header.length);
  const line = (first: string): string => [csvField(spreadsheetText(first)), ...Array<string>(width - 1).fill("")].join(",");
  const records = [
    line(model.title),
    line(model.subtitle),
    model.header.map(cellToCsv).join(","),
    ...model.rows.map((r) => r.cells.map(cellToCsv).join(",")),
    ...model.footnotes.map(line),
  ];
  return `${options.bom === false ? "" : UTF8_BOM}${records.join(CSV_EOL)}${CSV_EOL}`;
}
