import { countLineBreaks, type ByteCounter } from "./byte-count";
import { parseCore, type CoreRow, type Newline } from "./papa-core";
import { IngestError } from "./types";

/** One CSV record with where it starts in the file. */
export interface RawRecord {
  cells: string[];
  /** 1-based line of the record's first character */
  line: number;
  /** byte offset of the record in the original file (absent for encodings of variable width) */
  byteOffset?: number;
}

export interface RecordParserOptions {
  delimiter: string;
  newline: Newline;
  /** whether `"` quotes fields (false for unquoted TSV such as Google Sheets exports) */
  quotes: boolean;
  /** null when byte offsets cannot be tracked for the encoding */
  countBytes: ByteCounter | null;
  /** byte offset of the first character (the BOM length) */
  startByte: number;
  maxRecordBytes: number;
  maxColumns: number;
}

function located(code: string, message: string, line: number, byteOffset?: number, column?: number): IngestError {
  return new IngestError(code, message, [{ code, message, row: line, byteOffset, column }]);
}

/**
 * In a file whose records end in LF, a record ending in CRLF leaves "\r" at the end of an
 * unquoted last cell: drop it (a quoted last cell keeps its text).
 */
function stripCarriageReturn(input: string, end: number, cells: string[]): void {
  const cr = input[end - 1] === "\n" ? end - 2 : end - 1;
  const last = cells.length - 1;
  if (input[cr] === "\r" && input[cr - 1] !== '"' && cells[last].endsWith("\r")) cells[last] = cells[last].slice(0, -1);
}

/**
 * Streaming CSV record parser on top of papaparse's core parser (array mode). Text may arrive
 * in chunks of any size: complete records are returned as soon as their line break is seen,
 * the incomplete tail is kept and re-parsed with the next chunk, so the records never depend
 * on where the chunks were cut. Blank lines are skipped. Unterminated or malformed quoted
 * fields, records over the byte cap and rows over the column cap throw located IngestErrors.
 *
 * @example
 * const p = new RecordParser({ delimiter: ",", newline: "\n", quotes: true, countBytes: null, startByte: 0, maxRecordBytes: 1e6, maxColumns: 100 });
 * [...p.push("a,b\n1,"), ...p.push("2\n"), ...p.end()].map((r) => r.cells); // [["a","b"],["1","2"]]
 */
export class RecordParser {
  private pending = "";
  private line = 1;
  private byte: number;
  private records = 0;

  constructor(private readonly opts: RecordParserOptions) {
    this.byte = opts.startByte;
  }

  /** records parsed so far, blank lines excluded */
  get count(): number {
    return this.records;
  }

  push(text: string): RawRecord[] {
    this.pending = this.pending ? this.pending + text : text;
    return this.run(false);
  }

  end(): RawRecord[] {
    return this.run(true);
  }

  private run(final: boolean): RawRecord[] {
    const input = this.pending;
    const out: RawRecord[] = [];
    if (!input) return out;
    let start = 0;
    const onRow = (row: CoreRow) => {
      const record = this.record(input, start, row);
      start = row.end;
      if (record) out.push(record);
    };
    const cursor = parseCore(input, this.opts.delimiter, this.opts.newline, !final, onRow, this.opts.quotes);
    this.pending = final ? "" : input.slice(cursor);
    if (!final) this.checkPendingSize();
    return out;
  }

  private record(input: string, start: number, row: CoreRow): RawRecord | null {
    const { countBytes, newline, maxRecordBytes, maxColumns } = this.opts;
    const line = this.line;
    const byteOffset = countBytes ? this.byte : undefined;
    const bytes = countBytes ? countBytes(input, start, row.end) : row.end - start;
    this.line += countLineBreaks(input, start, row.end, newline);
    this.byte += bytes;
    for (const e of row.errors) {
      const at = line + countLineBreaks(input, start, Math.max(start, Math.min(e.index ?? start, row.end)), newline);
      if (e.code === "MissingQuotes") throw located("unterminated-quote", `unterminated quoted field: starting at line ${at}`, at, byteOffset);
      if (e.code === "InvalidQuotes") {
        throw located("malformed-quote", `malformed quoted field: text after the closing quote at line ${at}`, at, byteOffset);
      }
    }
    if (bytes > maxRecordBytes) throw located("record-too-large", `record too large: line ${line} is over ${maxRecordBytes} bytes`, line, byteOffset);
    const cells = row.cells;
    if (cells.length > maxColumns) {
      throw located("too-many-columns", `too many columns: ${cells.length} at line ${line} (limit ${maxColumns})`, line, byteOffset);
    }
    // a blank (or whitespace-only) line is skipped; a row of empty cells ",,," is a respondent
    if ((cells.length === 1 || this.opts.delimiter === "\t") && cells.every((c) => c.trim() === "")) return null;
    if (newline === "\n") stripCarriageReturn(input, row.end, cells);
    this.records++;
    return { cells, line, byteOffset };
  }

  private checkPendingSize(): void {
    const { countBytes, maxRecordBytes } = this.opts;
    const p = this.pending;
    if (p.length <= maxRecordBytes / 4) return;
    const bytes = countBytes ? countBytes(p, 0, p.length) : p.length;
    if (bytes <= maxRecordBytes) return;
    const byteOffset = countBytes ? this.byte : undefined;
    const hint = p.startsWith('"') || p.includes(',"') ? " (an unterminated quoted field?)" : "";
    throw located("record-too-large", `record too large: the record at line ${this.line} is over ${maxRecordBytes} bytes${hint}`, this.line, byteOffset);
  }
}
