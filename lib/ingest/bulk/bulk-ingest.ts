import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ingest } from "../ingest";
import { IssueCollector } from "../issues";
import { resolveLimits } from "../limits";
import { ProgressThrottle } from "../progress";
import { buildResult } from "../result";
import { IngestError, type IngestOptions, type IngestResult, type RowSink } from "../types";
import { ByteChecks } from "./byte-checks";
import { profileAndStore } from "./bulk-profile";
import { planFromHead } from "./head-plan";

/** files smaller than this stream through the pipeline (already fast there, with per-row progress) */
export const MIN_BULK_BYTES = 5 * 1024 * 1024;
/** bytes read before deciding: enough for SAMPLE_CHARS characters of UTF-8 text and DETECT_ROWS records */
const HEAD_BYTES = 1536 * 1024;
/** chunk size when the bulk path reads a local file itself */
const READ_CHUNK_BYTES = 1024 * 1024;

export interface BulkInput {
  source: AsyncIterable<Uint8Array>;
  /** the file itself, when the source is a local file (CLI, seed, bench): read in place, never copied */
  path?: string;
  /** where an upload is spooled for the store's reader (under DATA_DIR; asked only when needed); the file is always removed */
  spoolDir: () => string;
  /** files below this many bytes are streamed (default MIN_BULK_BYTES; tests lower it) */
  minBytes?: number;
  /** told which path was taken and, when streamed, why (tests, the bench) */
  onDecision?: (d: { bulk: boolean; reason?: string }) => void;
}

const readFailed = (e: unknown) => new IngestError("read-failed", `reading the file failed: ${e instanceof Error ? e.message : String(e)}`);

/** the chunks already read, then the rest of the iterator */
async function* replay(head: Uint8Array[], rest: AsyncIterator<Uint8Array> | null): AsyncIterable<Uint8Array> {
  yield* head;
  if (!rest) return;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

async function* fromFileThen(file: string, rest: AsyncIterator<Uint8Array> | null): AsyncIterable<Uint8Array> {
  yield* fs.createReadStream(file) as AsyncIterable<Uint8Array>;
  yield* replay([], rest);
}

/**
 * Import a CSV through the store's own reader (DuckDB `read_csv`) when that is provably the same
 * as streaming it through `ingest`, else through `ingest`. The bulk path is taken only for files
 * of at least MIN_BULK_BYTES whose head the pipeline's own sniffing reads as plain UTF-8 CSV with
 * LF records, `,`/`;`/`|` and single-line header rows (planFromHead), whose every byte passes
 * ByteChecks, and which the store's reader then loads without error (exactly the header's column
 * count on every row). The profile comes from per-column value counts in order of first
 * appearance (profileAndStore), so the questions are identical. Any doubt streams the file
 * through `ingest`, which reports the same located errors as before.
 *
 * @example
 * const result = await ingestBulk({ source, path: "survey.csv", spoolDir: () => "/data" }, sink, { fileName: "survey.csv" });
 */
export async function ingestBulk(input: BulkInput, sink: RowSink, options: IngestOptions = {}): Promise<IngestResult> {
  const bulk = sink.bulk;
  const limits = resolveLimits(options.limits);
  const minBytes = input.minBytes ?? MIN_BULK_BYTES;
  const tell = (reason?: string) => input.onDecision?.(reason ? { bulk: false, reason } : { bulk: true });
  if (!bulk || (options.totalBytes !== undefined && options.totalBytes < minBytes)) {
    tell(bulk ? "small file" : "the store has no bulk loader");
    return ingest(input.source, sink, options);
  }
  const abort = () => {
    if (options.signal?.aborted) throw new IngestError("aborted", "import aborted");
  };
  abort();
  const size = input.path ? await fs.promises.stat(input.path).then((st) => st.size, () => null) : null;
  if (size !== null && size < minBytes) {
    tell("small file");
    return ingest(input.source, sink, options);
  }
  let iterator: AsyncIterator<Uint8Array>;
  try {
    iterator = input.source[Symbol.asyncIterator]();
  } catch (e) {
    throw readFailed(e);
  }
  const next = async (): Promise<Uint8Array | null> => {
    let r: IteratorResult<Uint8Array>;
    try {
      r = await iterator.next();
    } catch (e) {
      throw readFailed(e);
    }
    abort();
    if (r.done) return null;
    return typeof r.value === "string" ? new TextEncoder().encode(r.value) : r.value;
  };
  // the head: decide from it, or hand it back to the pipeline
  const head: Uint8Array[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < HEAD_BYTES) {
    const chunk = await next();
    if (!chunk) {
      ended = true;
      break;
    }
    head.push(chunk);
    headLength += chunk.length;
  }
  /** the file from its start again: re-opened when it is a local file, else the chunks read so far then the rest */
  const restart = async (spooled: string | null): Promise<AsyncIterable<Uint8Array>> => {
    if (input.path) {
      if (!ended) await iterator.return?.().catch(() => undefined);
      return fs.createReadStream(input.path);
    }
    const rest = ended ? null : iterator;
    return spooled ? fromFileThen(spooled, rest) : replay(head, rest);
  };
  const streamed = async (reason: string) => {
    tell(reason);
    return ingest(await restart(null), sink, options);
  };
  if (ended && headLength < minBytes) return streamed("small file");
  const decision = planFromHead(Buffer.concat(head), ended, options, limits);
  if ("decline" in decision) return streamed(decision.decline);
  const plan = decision.plan;

  if (input.path && !ended) {
    // the rest of a local file straight from disk in 1 MiB chunks: reading 400 MB takes 0.12 s of JS time
    // instead of 0.45 s in the stream's 64 KiB chunks, time otherwise taken from DuckDB's loading threads
    await iterator.return?.().catch(() => undefined);
    iterator = fs.createReadStream(input.path, { start: headLength, highWaterMark: READ_CHUNK_BYTES })[Symbol.asyncIterator]();
  }
  const progress = new ProgressThrottle(options);
  const hash = createHash("sha256");
  const checks = new ByteChecks(plan.delimiter);
  let spool: string | null = null;
  let out: fs.promises.FileHandle | null = null;
  if (!input.path) {
    try {
      const dir = input.spoolDir();
      await fs.promises.mkdir(dir, { recursive: true });
      await removeStaleSpools(dir);
      spool = path.join(dir, `.import-${randomUUID()}.csv`);
      out = await fs.promises.open(spool, "wx", 0o600);
    } catch (e) {
      return streamed(`no spool file: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const loadPlan = (file: string) => ({ path: file, columns: plan.columns, skipLines: plan.skipLines, delimiter: plan.delimiter, maxRecordBytes: limits.maxRecordBytes, numericHints: plan.numericHints });
  // a local file is loaded while its bytes are checked (DuckDB's threads and ours overlap); an
  // upload only once it is spooled. Either way nothing is kept unless every check passed.
  const early = input.path ? stored(() => bulk.load(loadPlan(input.path!))) : null;
  early?.catch(() => undefined);
  try {
    let bytes = 0;
    let problem: string | null = null;
    const take = async (chunk: Uint8Array) => {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) throw new IngestError("too-large", `file too large: over ${limits.maxBytes} bytes`);
      hash.update(chunk);
      if (out) await out.write(chunk);
      problem = checks.push(chunk);
      progress.update(bytes, 0);
    };
    for (const chunk of head) if (!problem) await take(chunk);
    while (!problem && !ended) {
      const chunk = await next();
      if (chunk) await take(chunk);
      else ended = true;
    }
    problem ??= checks.end();
    if (problem || bytes < minBytes) {
      // the bytes read so far are in the spool (or the file): stream everything through the pipeline
      tell(problem ?? "small file");
      await out?.close();
      if (early && (await early.catch(() => null)) !== null) await stored(() => bulk.discard());
      return await ingest(await restart(spool), sink, options);
    }
    await out?.close();
    const file = spool ?? input.path!;
    const rows = await (early ?? stored(() => bulk.load(loadPlan(file))));
    if (rows === null) {
      tell("the store's reader refused the file");
      return await ingest(fs.createReadStream(file), sink, options);
    }
    tell();
    abort();
    const profile = await stored(() => profileAndStore(bulk, plan, rows));
    progress.update(bytes, rows, true);
    const result = { dialect: plan.dialect, encoding: "utf-8", delimiter: plan.delimiter, headers: plan.headers, columns: plan.columns, respondents: rows };
    return buildResult(result, profile, new IssueCollector(), bytes, hash.digest("hex"));
  } finally {
    // never leave with a load still running on the import's connection (the store rolls back next)
    await early?.catch(() => undefined);
    await out?.close().catch(() => undefined);
    if (spool) await fs.promises.rm(spool, { force: true });
  }
}

/** spool files left by a process killed mid-import (older than a day: never one in use) */
async function removeStaleSpools(dir: string): Promise<void> {
  const cutoff = Date.now() - 24 * 3600 * 1000;
  for (const name of await fs.promises.readdir(dir).catch(() => [] as string[])) {
    if (!/^\.import-[0-9a-f-]{36}\.csv$/.test(name)) continue;
    const file = path.join(dir, name);
    const st = await fs.promises.stat(file).catch(() => null);
    if (st && st.mtimeMs < cutoff) await fs.promises.rm(file, { force: true }).catch(() => undefined);
  }
}

/** a store failure as the pipeline reports it */
async function stored<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError("sink-failed", `storing rows failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
