import type { ImportIssue, Question, SourceFormat, StoredColumn } from "@/lib/schema/question";

/**
 * Where parsed data rows go while a file streams in. The store implements it (DuckDB appender
 * inside a transaction); tests implement it in memory. Rows arrive in file order, each exactly
 * `columns.length` long, cells as raw text with "" for an empty (missing) cell.
 */
export interface RowSink {
  begin(columns: StoredColumn[]): Promise<void>;
  write(rows: string[][]): Promise<void>;
  /** present when the store can load a whole CSV file itself (DuckDB `read_csv`); see BulkLoader */
  bulk?: BulkLoader;
}

/** How a CSV file's data rows are laid out, for a store's own CSV reader. */
export interface CsvLoadPlan {
  path: string;
  columns: StoredColumn[];
  /** lines before the first data row (the header rows, none of them spanning lines) */
  skipLines: number;
  delimiter: string;
  /** a record larger than this must fail the load */
  maxRecordBytes: number;
  /** columns likely to be read as numbers (weights, by their header): the store may keep a typed copy as it loads */
  numericHints?: string[];
}

/**
 * A column whose every non-empty cell is a plain decimal (`0`, `17`, `2.50`: digits, at most one
 * point, no sign, no leading zero, at most 15 integer and 20 fraction digits), summarised by the
 * store instead of sent cell by cell: `parseNumber` reads each such cell as the same double the
 * store's cast does, so these figures are the ones the profiler would count.
 */
export interface PlainNumberSummary {
  /** non-empty cells */
  count: number;
  /** of which hold an integer */
  integers: number;
  min: number;
  max: number;
  maxLength: number;
  /** the first `maxDistinct` distinct values in order of first appearance, each with its count over the whole column */
  first: { values: string[]; counts: number[] };
}

/**
 * A store-side loader (instead of `begin` + `write`): loads every data row of a plain UTF-8 CSV
 * in one statement inside the import transaction, answers the per-column questions the profile
 * needs, then stores the rows in the data table (`store`). `load` resolves null when the store's
 * reader refused the file: nothing is stored and the caller must stream the file through
 * `begin`/`write` instead.
 */
export interface BulkLoader {
  load(plan: CsvLoadPlan): Promise<number | null>;
  /**
   * write the loaded rows into the data table, each column of `dictionaries` encoded with that
   * list of its values (every non-empty value the column holds), and commit the table
   */
  store(dictionaries: ReadonlyMap<string, readonly string[]>): Promise<void>;
  /** drop what a successful `load` stored (the caller then streams the file after all) */
  discard(): Promise<void>;
  /** column's non-empty distinct values with their counts, in order of first appearance (parallel arrays) */
  distinctValues(column: string): Promise<{ values: string[]; counts: number[] }>;
  /** column's non-empty cells in file order */
  filledCells(column: string): Promise<string[]>;
  /** the column summarised, when every non-empty cell is a plain decimal; else null */
  plainNumbers(column: string, maxDistinct: number): Promise<PlainNumberSummary | null>;
  /**
   * per group of columns: rows where at least one of them holds a value not in `ignored` (empty
   * cells never count); `clean` columns are known to hold none of `ignored` (only emptiness is tested)
   */
  answered(groups: string[][], ignored: string[], clean: ReadonlySet<string>): Promise<number[]>;
}

export interface IngestProgress {
  bytesRead: number;
  /** total bytes when known (upload Content-Length, file size) */
  totalBytes?: number;
  rowsParsed: number;
}

export interface IngestOptions {
  /** explicit encoding override (e.g. "windows-1252", "utf-16le"); default: detect by BOM, else strict UTF-8 */
  encoding?: string;
  fileName?: string;
  totalBytes?: number;
  /** force a dialect instead of detecting it */
  format?: SourceFormat;
  /** the container, when not detected from the magic bytes: text (CSV/TSV), Excel workbook, SPSS system file */
  fileType?: "csv" | "xlsx" | "sav";
  /** explicit field delimiter ("," "\t" ";" "|"); default: detected from the first rows */
  delimiter?: string;
  onProgress?: (p: IngestProgress) => void;
  signal?: AbortSignal;
  limits?: Partial<IngestLimits>;
}

export interface IngestLimits {
  maxColumns: number;
  maxRecordBytes: number;
  maxBytes: number;
}

/**
 * A filter the app should apply by default (the user can remove it): keep only respondents whose
 * answer to `question` (a question id) is one of `values`, the same "allowed values" meaning as a
 * crosstab spec's `filters`. Proposed for vendor metadata: Qualtrics preview/test/spam `Status`
 * and unfinished (`Finished` = 0) responses, Alchemer partial responses.
 */
export interface DefaultFilter {
  question: string;
  values: string[];
  /** why, for the UI ("excludes 3 unfinished responses (Qualtrics Finished = 0)") */
  reason: string;
}

/** The result of a successful parse: everything but the data rows (which went to the sink). */
export interface IngestResult {
  format: SourceFormat;
  encoding: string;
  delimiter: string;
  headerRows: number;
  respondents: number;
  bytes: number;
  sha256: string;
  columns: StoredColumn[];
  questions: Question[];
  warnings: ImportIssue[];
  /** warnings beyond the kept ones (only counted); absent when none were dropped */
  warningsOmitted?: number;
  /** filters the app should apply by default (see DefaultFilter); absent when none apply */
  defaultFilters?: DefaultFilter[];
}

/**
 * Thrown (and only thrown) when the file cannot be imported; carries located issues.
 * Codes: empty-file, binary-file, invalid-encoding, unknown-encoding, nul-byte, too-large,
 * too-many-columns, record-too-large, unterminated-quote, malformed-quote, long-row,
 * mixed-delimiters, aborted, read-failed, sink-failed, internal.
 */
export class IngestError extends Error {
  readonly issues: ImportIssue[];
  readonly code: string;
  constructor(code: string, message: string, issues: ImportIssue[] = []) {
    super(message);
    this.name = "IngestError";
    this.code = code;
    this.issues = issues.length ? issues : [{ code, message }];
  }
}
