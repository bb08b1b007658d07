import { createHash } from "node:crypto";
import { defaultFilters } from "./default-filters";
import { IssueCollector } from "./issues";
import { resolveLimits } from "./limits";
import { IngestPipeline } from "./pipeline";
import { ProgressThrottle } from "./progress";
import { sanitizeId } from "./question-ids";
import type { ImportIssue, Question, StoredColumn } from "@/lib/schema/question";
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

/**
 * One "duplicate-header" warning per question whose id had to be renamed because an earlier
 * column has the same header text (compared trimmed and case-insensitively): `a, a, A` → `a,
 * a_2, A_3`. Ids shortened to the same 64 characters from different headers are not reported.
 */
function renameWarnings(questions: Question[], columns: StoredColumn[]): ImportIssue[] {
  const firstSeen = new Map<string, number>();
  for (const c of columns) {
    const key = (c.headers[0] ?? "").trim().toLowerCase();
    if (key && !firstSeen.has(key)) firstSeen.set(key, c.index);
  }
  const out: ImportIssue[] = [];
  for (const q of questions) {
    const col = columns.find((c) => c.name === q.columns[0]);
    const header = col?.headers[0] ?? "";
    const wanted = sanitizeId(header);
    if (!col || !wanted || q.id === wanted) continue;
    const first = firstSeen.get(header.trim().toLowerCase());
    const renamed = q.id.toLowerCase().startsWith(wanted.toLowerCase()) && /^_\d+$/.test(q.id.slice(wanted.length));
    if (renamed && first !== undefined && first < col.index) {
      const message = `duplicate column name "${header}" at columns ${first + 1} and ${col.index + 1}: question id renamed to "${q.id}"`;
      out.push({ code: "duplicate-header", message, row: 1, column: col.index + 1 });
    }
  }
  return out;
}

const abortError = () => new IngestError("aborted", "import aborted");

/**
 * Stream a survey export into `sink`: strict decoding, papaparse in array mode, dialect
 * detection (Qualtrics, SurveyMonkey, Google Forms, microdata), rows of exactly
 * `columns.length` raw cells in batches, and the question model built from bounded
 * per-column profiles. Every failure is an IngestError with located issues.
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
  const pipeline = new IngestPipeline(guardSink(sink), options, limits, warnings);
  let bytes = 0;
  try {
    if (options.signal?.aborted) throw abortError();
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
    const profile = outcome.profiler.finish();
    const questions = outcome.dialect.build(outcome.headers, profile);
    for (const w of renameWarnings(questions, outcome.columns)) warnings.add(w);
    const defaults = defaultFilters(outcome.dialect.format, outcome.columns, questions, profile);
    for (const w of defaults.warnings) warnings.add(w);
    return {
      format: outcome.dialect.format,
      encoding: outcome.encoding,
      delimiter: outcome.delimiter,
      headerRows: outcome.headers.length,
      respondents: outcome.respondents,
      bytes,
      sha256: hash.digest("hex"),
      columns: outcome.columns,
      questions,
      warnings: warnings.summary(),
      ...(warnings.omitted ? { warningsOmitted: warnings.omitted } : {}),
      ...(defaults.filters.length ? { defaultFilters: defaults.filters } : {}),
    };
  } catch (e) {
    throw asIngestError(e);
  }
}
