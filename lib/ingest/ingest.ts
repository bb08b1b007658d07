import { createHash } from "node:crypto";
import { routeSource } from "./file-kind";
import { IssueCollector } from "./issues";
import { resolveLimits } from "./limits";
import { IngestPipeline } from "./pipeline";
import { ProgressThrottle } from "./progress";
import { buildResult } from "./result";
import { ingestSav } from "./spss/ingest-sav";
import { ingestXlsx } from "./xlsx/ingest-xlsx";
import { IngestError, type IngestOptions, type IngestResult, type RowSink } from "./types";

/** Marks errors thrown by the sink, so they are reported as such. */
class SinkFailure extends Error {}

function guardSink(sink: RowSink): RowSink {
  const wrap = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      throw new SinkFailure(e instanceof Error ? e.message : String(e), { cause: e });
    }
  };
  return { begin: (c) => wrap(() => sink.begin(c)), write: (r) => wrap(() => sink.write(r)) };
}

function asIngestError(e: unknown): IngestError {
  if (e instanceof IngestError) return e;
  const text = e instanceof Error ? e.message : String(e);
  if (e instanceof SinkFailure) return new IngestError("sink-failed", `storing rows failed: ${text}`);
  return new IngestError("internal", `import failed: ${text}`);
}

const abortError = () => new IngestError("aborted", "import aborted");

/**
 * Stream a survey export into `sink`: strict decoding, papaparse in array mode, dialect
 * detection (Qualtrics, SurveyMonkey, Google Forms, microdata), rows of exactly
 * `columns.length` raw cells in batches, and the question model built from bounded
 * per-column profiles. Every failure is an IngestError with located issues. Excel workbooks
 * (first sheet, rows fed to the same dialect detection) and SPSS system files (question model
 * from the dictionary) are recognised by their magic bytes, or by `options.fileType`.
 *
 * @example
 * const sink = createMemorySink();
 * const result = await ingest(fs.createReadStream("survey.csv"), sink, { fileName: "survey.csv" });
 * result.format; // "qualtrics"
 */
export async function ingest(source: AsyncIterable<Uint8Array>, sink: RowSink, options: IngestOptions = {}): Promise<IngestResult> {
  const limits = resolveLimits(options.limits);
  const warnings = new IssueCollector();
  const hash = createHash("sha256");
  const progress = new ProgressThrottle(options);
  const guarded = guardSink(sink);
  const pipeline = new IngestPipeline(guarded, options, limits, warnings);
  let bytes = 0;
  try {
    if (options.signal?.aborted) throw abortError();
    const routed = await routeSource(source, options.fileType);
    if (routed.kind === "sav") return await ingestSav(routed.source, guarded, options, limits);
    if (routed.kind === "xlsx") return await ingestXlsx(routed.source, guarded, options, limits);
    source = routed.source;
    let iterator: AsyncIterator<Uint8Array>;
    try {
      iterator = source[Symbol.asyncIterator]();
    } catch (e) {
      throw new IngestError("read-failed", `reading the file failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (e) {
        throw new IngestError("read-failed", `reading the file failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (next.done) break;
      if (options.signal?.aborted) throw abortError();
      const chunk = typeof next.value === "string" ? new TextEncoder().encode(next.value) : next.value;
      bytes += chunk.length;
      if (bytes > limits.maxBytes) throw new IngestError("too-large", `file too large: over ${limits.maxBytes} bytes`);
      hash.update(chunk);
      await pipeline.bytes(chunk);
      progress.update(bytes, pipeline.rows);
    }
    const outcome = await pipeline.end();
    progress.update(bytes, outcome.respondents, true);
    return buildResult(outcome, outcome.profiler.finish(), warnings, bytes, hash.digest("hex"));
  } catch (e) {
    throw asIngestError(e);
  }
}
