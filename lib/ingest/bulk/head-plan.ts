import { isUtf8 } from "node:buffer";
import type { StoredColumn } from "@/lib/schema/question";
import { byteCounter } from "../byte-count";
import { chooseEncoding } from "../decode";
import { detectDelimiter, detectNewline, detectQuoting } from "../dialect-sniff";
import { detectDialect, dialectFor } from "../dialects";
import type { Dialect } from "../dialects/types";
import { isWeightHeader } from "../infer-question";
import { DETECT_ROWS, SAMPLE_CHARS } from "../limits";
import { RecordParser } from "../parse";
import { PLAIN_DECIMAL_PATTERN } from "../values";
import type { IngestLimits, IngestOptions } from "../types";
import { incompleteTail } from "../utf8-scan";

/** delimiters the bulk path hands to `read_csv` (tab is left to the streaming path: it skips whitespace-only rows) */
const BULK_DELIMITERS = new Set([",", ";", "|"]);

/** What the head of a file says about its layout, exactly as the streaming pipeline decides it. */
export interface HeadPlan {
  dialect: Dialect;
  delimiter: string;
  headers: string[][];
  columns: StoredColumn[];
  /** lines before the first data row */
  skipLines: number;
  /**
   * columns mostly distinct in the head's data rows (ids, free text, continuous numbers): cheaper
   * to profile from their cells in file order than from a GROUP BY (the profile is the same)
   */
  distinctish: boolean[];
  /** columns whose non-empty head cells are all plain decimals (worth asking the store for a PlainNumberSummary) */
  plainish: boolean[];
  /** columns whose header names a weight: likely read as numbers by every weighted query */
  numericHints: string[];
}

const PLAIN_DECIMAL = new RegExp(`^(?:${PLAIN_DECIMAL_PATTERN})$`);

const plainish = (rows: string[][], width: number): boolean[] =>
  Array.from({ length: width }, (_, i) => rows.every((r) => r[i] === undefined || r[i] === "" || PLAIN_DECIMAL.test(r[i])));

/** per column: more than half of the head's non-empty cells are distinct (at least 50 of them) */
function distinctish(rows: string[][], width: number): boolean[] {
  return Array.from({ length: width }, (_, i) => {
    const seen = new Set<string>();
    let filled = 0;
    for (const r of rows) {
      const c = r[i];
      if (c === undefined || c === "") continue;
      filled++;
      seen.add(c);
    }
    return filled >= 50 && seen.size * 2 > filled;
  });
}

export type HeadDecision = { plan: HeadPlan } | { decline: string };

/**
 * Decide from the first bytes of a file (at least SAMPLE_CHARS characters and DETECT_ROWS
 * records of them) whether DuckDB's `read_csv` can read it exactly as the streaming pipeline
 * would, and with which layout. The encoding, delimiter, quoting, line ending, dialect and header
 * rows are chosen by the pipeline's own functions on the same text; anything the bulk path does
 * not reproduce (another encoding than UTF-8, CR line endings, tab, a header row spanning lines
 * or blank lines among the header rows, a single column, a head the pipeline would reject) is
 * declined, and the caller streams the file instead. `whole`: `head` is the whole file.
 *
 * @example
 * planFromHead(headBytes, false, {}, DEFAULT_LIMITS); // { plan: { delimiter: ",", skipLines: 1, … } }
 */
export function planFromHead(head: Uint8Array, whole: boolean, options: IngestOptions, limits: IngestLimits): HeadDecision {
  try {
    const choice = chooseEncoding(head, options.encoding);
    if (choice.encoding !== "utf-8" || choice.note) return { decline: `encoding ${choice.encoding}` };
    const body = head.subarray(choice.bomLength, head.length - (whole ? 0 : incompleteTail(head)));
    if (!isUtf8(body)) return { decline: "invalid UTF-8 in the head" };
    const text = new TextDecoder("utf-8").decode(body);
    // as the pipeline: a file within the sample is sniffed whole (final), a longer one from its first SAMPLE_CHARS
    const final = whole && text.length <= SAMPLE_CHARS;
    if (!whole && text.length <= SAMPLE_CHARS) return { decline: "head shorter than the sample" };
    if (text.includes("\r")) return { decline: "carriage returns" };
    const sample = text.slice(0, SAMPLE_CHARS);
    const newline = detectNewline(sample);
    if (newline !== "\n") return { decline: "line ending" };
    const explicit = options.delimiter;
    if (explicit !== undefined && !BULK_DELIMITERS.has(explicit)) return { decline: "explicit delimiter" };
    const delimiter = explicit ?? detectDelimiter(sample, newline, final, options.fileName);
    if (!BULK_DELIMITERS.has(delimiter) || !detectQuoting(sample, delimiter)) return { decline: `delimiter ${JSON.stringify(delimiter)}` };
    const parser = new RecordParser({
      delimiter,
      newline,
      quotes: true,
      countBytes: byteCounter(choice.encoding),
      startByte: choice.bomLength,
      maxRecordBytes: limits.maxRecordBytes,
      maxColumns: limits.maxColumns,
    });
    const records = parser.push(text);
    if (whole) records.push(...parser.end());
    if (records.length <= (whole ? 0 : DETECT_ROWS)) return { decline: "too few records in the head" };
    const dialect = options.format ? dialectFor(options.format) : detectDialect(records.slice(0, DETECT_ROWS).map((r) => r.cells));
    // Typeform checklists are found from per-row header echoes, which only the streaming profiler counts
    if (dialect.format === "typeform") return { decline: "typeform (checklist columns are profiled row by row)" };
    const headerRows = dialect.headerRows;
    if (headerRows < 1 || records.length <= headerRows) return { decline: "no header or no data row" };
    // each header row on its own line, the first data row right after them
    for (let k = 0; k <= headerRows; k++) if (records[k].line !== k + 1) return { decline: "header rows span lines" };
    const width = Math.max(...records.slice(0, headerRows).map((r) => r.cells.length));
    if (width < 2) return { decline: "a single column" };
    const headers = records.slice(0, headerRows).map((r) => Array.from({ length: width }, (_, i) => r.cells[i] ?? ""));
    const columns = Array.from({ length: width }, (_, index) => ({ index, name: `c${index}`, headers: headers.map((h) => h[index]) }));
    const dataRows = records.slice(headerRows).map((r) => r.cells);
    const numericHints = columns.filter((c) => c.headers.some(isWeightHeader)).map((c) => c.name);
    return { plan: { dialect, delimiter, headers, columns, skipLines: headerRows, distinctish: distinctish(dataRows, width), plainish: plainish(dataRows, width), numericHints } };
  } catch (e) {
    return { decline: `the head does not parse: ${e instanceof Error ? e.message : String(e)}` };
  }
}
