import type { StoredColumn } from "@/lib/schema/question";
import { blockGroup } from "./blocks";
import { byteCounter } from "./byte-count";
import { chooseEncoding, StreamDecoder, type EncodingChoice } from "./decode";
import { detectDelimiter, detectNewline, detectQuoting } from "./dialect-sniff";
import { detectDialect, dialectFor } from "./dialects";
import type { Dialect } from "./dialects/types";
import { fitRow } from "./fit-row";
import { IssueCollector } from "./issues";
import { BATCH_ROWS, DETECT_ROWS, SAMPLE_CHARS } from "./limits";
import { RecordParser, type RawRecord } from "./parse";
import { Profiler } from "./profile";
import type { ResultInput } from "./result";
import { IngestError, type IngestLimits, type IngestOptions, type RowSink } from "./types";

const HEAD_BYTES = 4096;

function isEmptyRow(row: string[]): boolean {
  for (let i = 0; i < row.length; i++) if (row[i] !== "") return false;
  return true;
}
const BAD_DELIMITERS = new Set(['"', "\r", "\n", "\uFEFF", ""]);

/** What the pipeline learnt, for the result: the file's layout and data, and the profile of its values. */
export interface PipelineOutcome extends ResultInput {
  profiler: Profiler;
}

/**
 * bytes → strict decoding → papaparse records → dialect detection → fitted rows → sink, with
 * profiles kept on the side. Feed chunks with `bytes`, then call `end`. Pure: no I/O of its
 * own besides the sink.
 *
 * @example
 * const p = new IngestPipeline(sink, {}, limits, warnings);
 * await p.bytes(chunk);
 * const outcome = await p.end();
 */
export class IngestPipeline {
  private head: Uint8Array[] = [];
  private headLength = 0;
  private choice: EncodingChoice | null = null;
  private decoder: StreamDecoder | null = null;
  private sample = "";
  private parser: RecordParser | null = null;
  private delimiter = ",";
  private early: RawRecord[] = [];
  private dialect: Dialect | null = null;
  private headers: string[][] = [];
  private columns: StoredColumn[] = [];
  private profiler: Profiler | null = null;
  private batch: string[][] = [];
  private written = 0;
  private padSilently = false;

  constructor(
    private readonly sink: RowSink,
    private readonly options: IngestOptions,
    private readonly limits: IngestLimits,
    private readonly warnings: IssueCollector,
  ) {}

  /** data rows parsed so far */
  get rows(): number {
    return this.written + this.batch.length;
  }

  async bytes(chunk: Uint8Array): Promise<void> {
    if (!this.decoder) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength < HEAD_BYTES) return;
      chunk = this.open();
    }
    await this.text(this.decoder!.push(chunk), false);
  }

  async end(): Promise<PipelineOutcome> {
    if (!this.decoder) {
      const rest = this.open();
      await this.text(this.decoder!.push(rest), false);
    }
    await this.text(this.decoder!.end(), true);
    return this.outcome(this.decoder?.encoding ?? this.choice!.encoding, this.delimiter);
  }

  /**
   * Records that need no decoding or parsing (a workbook's rows, `line` = the sheet's row
   * number): the same dialect detection, fitting, profiling and batching as parsed text. Rows
   * shorter than the header are padded without a warning (sheets leave trailing empty cells
   * out). Call `endRecords` after the last; do not mix with `bytes`.
   */
  async pushRecords(records: RawRecord[]): Promise<void> {
    this.padSilently = true;
    await this.records(records, false);
  }

  async endRecords(encoding: string, delimiter: string): Promise<PipelineOutcome> {
    this.padSilently = true;
    await this.records([], true);
    return this.outcome(encoding, delimiter);
  }

  private outcome(encoding: string, delimiter: string): PipelineOutcome {
    if (!this.dialect || !this.profiler) throw new IngestError("internal", "internal: detection did not run");
    return {
      dialect: this.dialect,
      encoding,
      delimiter,
      headers: this.headers,
      columns: this.columns,
      respondents: this.written,
      profiler: this.profiler,
    };
  }

  /** Choose the encoding from the buffered head; returns the head bytes after the BOM. */
  private open(): Uint8Array {
    const head = new Uint8Array(this.headLength);
    let at = 0;
    for (const c of this.head) {
      head.set(c, at);
      at += c.length;
    }
    this.head = [];
    this.choice = chooseEncoding(head, this.options.encoding);
    if (this.choice.note) this.warnings.add(this.choice.note);
    // a detected UTF-8 that is not (Windows-1252, Latin-1 exports) is read in the guessed encoding, said in a warning
    const detected = !this.options.encoding && this.choice.encoding === "utf-8" && this.choice.bomLength === 0;
    const onAssume = (encoding: string, offset: number) =>
      this.warnings.add({
        code: "encoding-assumed",
        message: `not valid UTF-8: read as ${encoding} (guessed from the bytes); if labels look wrong, choose the encoding in review`,
        byteOffset: offset,
      });
    this.decoder = new StreamDecoder(this.choice.encoding, this.choice.bomLength, detected ? { onAssume } : undefined);
    return head.subarray(this.choice.bomLength);
  }

  private async text(text: string, final: boolean): Promise<void> {
    if (!this.parser) {
      this.sample += text;
      if (!final && this.sample.length < SAMPLE_CHARS) return;
      this.setupParser(final);
      text = this.sample;
      this.sample = "";
    }
    const records = this.parser!.push(text);
    if (final) records.push(...this.parser!.end());
    await this.records(records, final);
  }

  private setupParser(final: boolean): void {
    const whole = this.sample.length <= SAMPLE_CHARS;
    let sample = whole ? this.sample : this.sample.slice(0, SAMPLE_CHARS);
    if (!whole && sample.endsWith("\r")) sample = sample.slice(0, -1);
    const newline = detectNewline(sample);
    const explicit = this.options.delimiter;
    if (explicit !== undefined && (BAD_DELIMITERS.has(explicit) || explicit.length > 4)) {
      throw new IngestError("bad-delimiter", `invalid delimiter: ${JSON.stringify(explicit)}`);
    }
    this.delimiter = explicit ?? detectDelimiter(sample, newline, final && whole, this.options.fileName);
    this.parser = new RecordParser({
      delimiter: this.delimiter,
      newline,
      quotes: detectQuoting(sample, this.delimiter),
      countBytes: byteCounter(this.decoder?.encoding ?? this.choice!.encoding),
      startByte: this.choice!.bomLength,
      maxRecordBytes: this.limits.maxRecordBytes,
      maxColumns: this.limits.maxColumns,
    });
  }

  private async records(records: RawRecord[], final: boolean): Promise<void> {
    if (!this.dialect) {
      this.early.push(...records);
      if (!final && this.early.length < DETECT_ROWS) return;
      records = await this.detect();
    }
    const width = this.columns.length;
    for (const record of records) {
      if (this.padSilently) while (record.cells.length < width) record.cells.push("");
      const row = fitRow(record, width, this.warnings);
      // a wholly empty row (`,,,,`: a spreadsheet's blank line) is no respondent
      if (isEmptyRow(row)) continue;
      this.profiler!.add(row);
      this.batch.push(row);
      if (this.batch.length >= BATCH_ROWS) await this.flush();
    }
    if (final) await this.flush();
  }

  /** Choose the dialect from the first records, call `sink.begin`; returns the buffered data records. */
  private async detect(): Promise<RawRecord[]> {
    const early = this.early;
    this.early = [];
    if (!early.length) throw new IngestError("empty-file", "no header row: the file is empty");
    const first = early.slice(0, DETECT_ROWS).map((r) => r.cells);
    const dialect = this.options.format ? dialectFor(this.options.format) : detectDialect(first);
    const headerRows = Math.min(dialect.headerRows, early.length);
    const width = Math.max(...early.slice(0, headerRows).map((r) => r.cells.length));
    this.headers = early.slice(0, headerRows).map((r) => Array.from({ length: width }, (_, i) => r.cells[i] ?? ""));
    this.columns = Array.from({ length: width }, (_, index) => ({ index, name: `c${index}`, headers: this.headers.map((h) => h[index]) }));
    const echoHeaders = dialect.format === "typeform" || dialect.format === "microdata" ? this.columns.map((c) => (c.headers[0] ?? "").trim()) : undefined;
    this.profiler = new Profiler(width, dialect.blocks(this.headers).map(blockGroup), { spaceLists: dialect.format === "odk", echoHeaders });
    this.dialect = dialect;
    await this.sink.begin(this.columns);
    return early.slice(headerRows);
  }

  private async flush(): Promise<void> {
    if (!this.batch.length) return;
    if (this.options.signal?.aborted) throw new IngestError("aborted", "import aborted");
    const rows = this.batch;
    this.batch = [];
    await this.sink.write(rows);
    this.written += rows.length;
  }
}
