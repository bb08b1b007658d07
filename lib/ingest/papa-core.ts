import Papa from "papaparse";

/** One record as papaparse's core parser reports it in step mode. */
export interface CoreRow {
  cells: string[];
  /** offset just past the record (and its line break) in the parsed string */
  end: number;
  errors: Papa.ParseError[];
}

export type Newline = "\n" | "\r\n" | "\r";

interface CoreStep {
  data: string[][];
  errors: Papa.ParseError[];
  meta: { cursor: number };
}

/**
 * Run papaparse's core (array-mode) parser over `input`. With `partial`, the last record is
 * treated as incomplete and left unparsed; the return value is where it starts. Never uses
 * header mode or objects keyed by header text. `quotes: false` reads `"` as plain text.
 *
 * @example
 * const rows: string[][] = [];
 * parseCore("a,b\nc", ",", "\n", true, (r) => rows.push(r.cells)); // 4 (rows = [["a","b"]])
 */
export function parseCore(
  input: string,
  delimiter: string,
  newline: Newline,
  partial: boolean,
  onRow: (row: CoreRow) => void,
  quotes = true,
): number {
  const step = (r: CoreStep) => onRow({ cells: r.data[0], end: r.meta.cursor, errors: r.errors });
  // without quoting (unquoted TSV), the quote character is NUL, which decoded text never holds
  const config = { delimiter, newline, quoteChar: quotes ? '"' : "\0", step } as unknown as Papa.ParseConfig;
  const parser = new Papa.Parser(config);
  const result = parser.parse(input, 0, partial) as CoreStep;
  return result.meta.cursor;
}
