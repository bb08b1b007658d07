/**
 * The one reader of small CSV tables that are not survey imports: weighting targets (the weighting
 * editor and `cli weight --targets`), weighting data (`cli weight --data`) and driver data (`cli
 * drivers --data`). It runs the import's strict pipeline, so encodings, byte-order marks, line
 * endings, delimiters and quotes behave exactly as they do for an upload. Browser-safe.
 */
import { chooseEncoding, StreamDecoder } from "./decode";
import { detectDelimiter, detectNewline } from "./dialect-sniff";
import { RecordParser } from "./parse";
import { IngestError } from "./types";

/** A table as text: the header row and the data rows; `""` is a missing value. */
export interface TextTable {
  header: string[];
  rows: string[][];
}

export interface ReadTableOptions {
  /** explicit encoding of bytes (WHATWG label, e.g. "windows-1252"); default BOM, UTF-16 pattern, else UTF-8 */
  encoding?: string;
  /** explicit delimiter; default detected as for imports ("," "\t" ";" "|"), tab for `.tsv` names */
  delimiter?: string;
  /** used for the delimiter (`.tsv`, `.tab`) */
  fileName?: string;
  /** at most this many bytes (default 64 MiB): these tables are read whole */
  maxBytes?: number;
}

const MAX_RECORD_BYTES = 1 << 20;
const MAX_COLUMNS = 10_000;

/** Decode bytes strictly (invalid bytes are a located error, not U+FFFD); text loses a leading BOM. */
function decodeText(input: Uint8Array | string, encoding?: string): string {
  if (typeof input === "string") return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const choice = chooseEncoding(input.subarray(0, 64 * 1024), encoding);
  const decoder = new StreamDecoder(choice.encoding, choice.bomLength);
  return decoder.push(input.subarray(choice.bomLength)) + decoder.end();
}

/**
 * Read a whole CSV/TSV table: row 1 is the header, blank lines are skipped, every cell stays text,
 * a row with another number of cells than the header is an error. Errors are `IngestError`s with
 * the line (`unterminated-quote`, `malformed-quote`, `invalid-encoding`, `ragged-row`, `empty-table`…).
 *
 * @example readCsvTable('\uFEFFid;"size"\r\n1;"small, medium"\r\n') // { header: ["id", "size"], rows: [["1", "small, medium"]] }
 */
export function readCsvTable(input: Uint8Array | string, opts: ReadTableOptions = {}): TextTable {
  const max = opts.maxBytes ?? 64 * 1024 * 1024;
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size > max) throw new IngestError("too-large", `table too large: over ${max} bytes`);
  const text = decodeText(input, opts.encoding);
  const newline = detectNewline(text.slice(0, 64 * 1024));
  const delimiter = opts.delimiter ?? detectDelimiter(text.slice(0, 64 * 1024), newline, true, opts.fileName);
  const parser = new RecordParser({ delimiter, newline, quotes: true, countBytes: null, startByte: 0, maxRecordBytes: MAX_RECORD_BYTES, maxColumns: MAX_COLUMNS });
  const records = [...parser.push(text), ...parser.end()];
  const [head, ...body] = records;
  if (!head || head.cells.every((h) => h === "")) throw new IngestError("empty-table", "empty table: no header row");
  const width = head.cells.length;
  for (const r of body) {
    if (r.cells.length !== width) {
      const message = `ragged row: line ${r.line} has ${r.cells.length} cells, the header ${width}`;
      throw new IngestError("ragged-row", message, [{ code: "ragged-row", message, row: r.line }]);
    }
  }
  return { header: head.cells, rows: body.map((r) => r.cells) };
}
