import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { IssueCollector } from "../issues";
import { meteredSource, type Meter } from "../metered-source";
import type { RawRecord } from "../parse";
import { IngestPipeline } from "../pipeline";
import { ProgressThrottle } from "../progress";
import { buildResult } from "../result";
import { IngestError, type IngestLimits, type IngestOptions, type IngestResult, type RowSink } from "../types";
import { cellText } from "./cell-text";

/** Mutable so tests can shorten the wait; the app never changes it. */
export const xlsxLimits = {
  /** after the whole file was read, this long without a new row means the zip reader is stuck on a damaged entry */
  stallMs: 5_000,
};

/** records handed to the pipeline at a time */
const RECORDS_PER_PUSH = 500;

/** exceljs's row values (1-based, sparse) as cells; trailing empty cells dropped */
function rowCells(values: unknown): string[] {
  const list = Array.isArray(values) ? values : [];
  const cells: string[] = [];
  for (let i = 1; i < list.length; i++) cells.push(cellText(list[i]));
  while (cells.length && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

/**
 * Whether a worksheet is the workbook's first (its first tab): the zip may store the parts in
 * another order (a KoboToolbox export's repeat-group sheet before its main sheet). Without the
 * workbook part read yet, the first sheet met is taken.
 */
function isFirstSheet(reader: unknown, sheet: unknown): boolean {
  const sheets = (reader as { model?: { sheets?: { name?: string }[] } }).model?.sheets;
  const name = (sheet as { name?: string }).name;
  return !sheets?.length || !name || sheets[0].name === name;
}

/**
 * Import the first worksheet of an Excel workbook (Microsoft Forms, SurveyMonkey and Qualtrics
 * XLSX downloads) through the same dialect detection, fitting and profiling as a CSV: each sheet
 * row becomes one record (see `cellText`), located by its sheet row number. exceljs's streaming
 * WorkbookReader keeps memory bounded (a sheet stored before its shared strings is spooled to a
 * temporary file by exceljs). A merged header keeps its text in its first cell, as vendors' CSV
 * exports have it. Empty rows are skipped. Every failure is an IngestError; a damaged zip or XML
 * is located at the byte reached when it failed.
 *
 * @example
 * const result = await ingestXlsx(fs.createReadStream("forms.xlsx"), sink, {}, resolveLimits());
 * result.format; // "microsoft-forms" or another dialect
 */
export async function ingestXlsx(source: AsyncIterable<Uint8Array>, sink: RowSink, options: IngestOptions, limits: IngestLimits): Promise<IngestResult> {
  const hash = createHash("sha256");
  const meter: Meter = { bytes: 0 };
  const warnings = new IssueCollector();
  const progress = new ProgressThrottle(options);
  const pipeline = new IngestPipeline(sink, options, limits, warnings);
  const input = Readable.from(meteredSource(source, options, limits, hash, meter));
  const state = { sheets: 0, rows: 0, imported: false };
  const read = async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
    for await (const sheet of reader) {
      state.sheets++;
      const imports = !state.imported && isFirstSheet(reader, sheet);
      state.imported ||= imports;
      let batch: RawRecord[] = [];
      for await (const row of sheet) {
        state.rows++;
        if (!imports) continue; // other sheets are read (the whole file is hashed) but not imported
        const cells = rowCells(row.values);
        if (!cells.length) continue;
        if (cells.length > limits.maxColumns) throw new IngestError("too-many-columns", `too many columns: row ${row.number} has ${cells.length} (limit ${limits.maxColumns})`);
        batch.push({ cells, line: row.number });
        if (batch.length >= RECORDS_PER_PUSH) {
          await pipeline.pushRecords(batch);
          batch = [];
          progress.update(meter.bytes, pipeline.rows);
        }
      }
      if (imports) await pipeline.pushRecords(batch);
    }
    // the zip's central directory follows the entries: read to the end for the size and the hash
    for await (const chunk of input) void chunk;
  };
  let watchdog: ReturnType<typeof setInterval> | undefined;
  // exceljs's zip reader waits forever on some damaged entries (a wrong compressed size): once the
  // file has been read to its end, no progress for `stallMs` means it never will
  const stalled = new Promise<never>((_, reject) => {
    let mark = -1;
    let since = Date.now();
    watchdog = setInterval(() => {
      const now = meter.bytes + state.rows;
      if (now !== mark) {
        mark = now;
        since = Date.now();
      } else if (meter.ended && Date.now() - since > xlsxLimits.stallMs) {
        reject(new Error("the zip entries do not end where their headers say"));
      }
    }, Math.min(250, xlsxLimits.stallMs));
  });
  const work = read();
  work.catch(() => undefined); // when the watchdog wins, the reader's late failure is already reported
  try {
    await Promise.race([work, stalled]);
  } catch (e) {
    if (e instanceof IngestError) throw e;
    const message = `corrupt xlsx file: ${e instanceof Error ? e.message : String(e)}`;
    throw new IngestError("corrupt-file", `${message} (near byte ${meter.bytes})`, [{ code: "corrupt-file", message, byteOffset: meter.bytes }]);
  } finally {
    clearInterval(watchdog);
    input.destroy();
  }
  if (!state.sheets) throw new IngestError("corrupt-file", "not an excel workbook: no worksheet found", [{ code: "corrupt-file", message: "not an excel workbook: no worksheet found", byteOffset: 0 }]);
  const outcome = await pipeline.endRecords("utf-8", "");
  progress.update(meter.bytes, outcome.respondents, true);
  return buildResult(outcome, outcome.profiler.finish(), warnings, meter.bytes, hash.digest("hex"));
}
