/**
 * Respondent-level export of a filtered segment (columns chosen by the caller, after the role's
 * column allow-list and any disclosure control have been applied upstream). Formula-safe: headers
 * and text cells are neutralized (C7, C8); `null` is an empty field.
 */
import { CSV_EOL, UTF8_BOM, csvRecord } from "./escape";

export interface RespondentsCsvOptions {
  /** indexes of typed numeric columns: plain numbers there are written unescaped */
  numericColumns?: Iterable<number>;
  /** prefix a UTF-8 BOM (default true) */
  bom?: boolean;
}

/**
 * The header record followed by one record per respondent, each ending in CRLF. To stream a large
 * segment instead, write `UTF8_BOM + csvRecord(headers) + CSV_EOL`, then `csvRecord(row, numeric) + CSV_EOL`
 * per row (all from `./escape`).
 * @example
 * rowsToCsv(["id", "comment"], [["1", "=1+2"], ["2", null]]) // "\uFEFFid,comment\r\n1,'=1+2\r\n2,\r\n"
 */
export function rowsToCsv(headers: string[], rows: (string | null)[][], options: RespondentsCsvOptions = {}): string {
  const numeric = new Set(options.numericColumns ?? []);
  const out: string[] = [options.bom === false ? "" : UTF8_BOM, csvRecord(headers), CSV_EOL];
  for (const row of rows) {
    if (row.length !== headers.length) throw new Error(`Row has ${row.length} cells, expected ${headers.length}.`);
    out.push(csvRecord(row, numeric), CSV_EOL);
  }
  return out.join("");
}
