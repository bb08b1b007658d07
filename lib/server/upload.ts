import "server-only";
import { z } from "zod";
import { FILE_FORMATS, formatOptions } from "@/lib/ingest/file-kind";
import type { IngestProgress } from "@/lib/ingest/types";
import { AppError } from "@/lib/schema/errors";
import { getEnv } from "@/lib/schema/env";
import { sourceFormatSchema } from "@/lib/schema/question";
import { datasetSchema, type Dataset } from "@/lib/schema/dataset";
import { importDataset } from "@/lib/services/import-dataset";
import { spoolUpload } from "@/lib/services/source-bytes";
import { getStore } from "@/lib/store";
import type { Viewer } from "@/lib/auth/viewer";
import { errorResponse, json, toErrorResponse } from "./responses";
import { respond } from "./respond";

export const uploadQuerySchema = z.object({
  name: z.string().trim().min(1).max(200),
  encoding: z.string().max(40).optional(),
  /** a dialect, or the container when it should not be detected from the magic bytes (csv, xlsx, sav, zsav) */
  format: z.union([sourceFormatSchema, z.enum(FILE_FORMATS)]).optional(),
  fileName: z.string().max(300).optional(),
});

/**
 * Upload guards (C4, C5, C9). Process-wide: with several app instances each has its own counters,
 * so the per-user limit is per instance (the reverse proxy should cap connections too).
 * Mutable so tests can shorten the idle timeout; the app never changes them.
 */
export const uploadLimits = {
  /** uploads one user may have in flight at once; the next one gets 429 */
  perUserConcurrent: 2,
  /** uploads in flight across all users of this instance (the machine has few cores) */
  globalConcurrent: 4,
  /** a body that sends no byte for this long is aborted with 408 and the import rolled back */
  idleTimeoutMs: 30_000,
  /**
   * a body still arriving this long after reading began is aborted with 408: the embedded store runs
   * one import at a time, so a trickling client must not hold the write lock indefinitely
   */
  deadlineMs: 10 * 60_000,
  /** Retry-After on a 429, in seconds */
  retryAfterSeconds: 10,
};

const inFlight = { total: 0, byUser: new Map<string, number>() };

/** The counters (tests only). */
export function uploadsInFlight(userId?: string): number {
  return userId === undefined ? inFlight.total : (inFlight.byUser.get(userId) ?? 0);
}

/** Take an upload slot for `userId`, or null when the user (or the instance) is at its limit. */
function acquireSlot(userId: string): (() => void) | null {
  const mine = inFlight.byUser.get(userId) ?? 0;
  if (mine >= uploadLimits.perUserConcurrent || inFlight.total >= uploadLimits.globalConcurrent) return null;
  inFlight.byUser.set(userId, mine + 1);
  inFlight.total += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    inFlight.total -= 1;
    const left = (inFlight.byUser.get(userId) ?? 1) - 1;
    if (left <= 0) inFlight.byUser.delete(userId);
    else inFlight.byUser.set(userId, left);
  };
}

/** Why the body reader stopped early (the ingest wraps source errors, so the reason travels beside it). */
interface BodyState {
  stopped?: "idle_timeout" | "deadline" | "too_large";
  limit?: number;
}

/**
 * The request body as byte chunks, with a byte cap (whatever Content-Length said, C2) and an idle
 * timeout: when no chunk arrives for `idleMs` the body is cancelled and the read throws (C4).
 */
export async function* guardedBody(
  body: ReadableStream<Uint8Array> | null,
  opts: { maxBytes: number; idleMs: number; deadlineMs?: number },
  state: BodyState = {},
): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  const deadline = Date.now() + (opts.deadlineMs ?? Number.POSITIVE_INFINITY);
  let seen = 0;
  try {
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const left = deadline - Date.now();
      const wait = Math.max(0, Math.min(opts.idleMs, left));
      const idle = new Promise<"idle">((resolve) => {
        timer = setTimeout(() => resolve("idle"), wait);
      });
      const next = await Promise.race([reader.read(), idle]).finally(() => clearTimeout(timer));
      if (next === "idle" || Date.now() > deadline) {
        const overDeadline = left < opts.idleMs || Date.now() > deadline;
        state.stopped = overDeadline ? "deadline" : "idle_timeout";
        state.limit = overDeadline ? opts.deadlineMs : opts.idleMs;
        reader.cancel(new Error(`upload ${state.stopped}`)).catch(() => {});
        throw new AppError("bad_request", `upload stopped: ${state.stopped}`);
      }
      if (next.done) return;
      const chunk = next.value;
      if (!chunk?.byteLength) continue;
      seen += chunk.byteLength;
      if (seen > opts.maxBytes) {
        state.stopped = "too_large";
        state.limit = opts.maxBytes;
        reader.cancel(new Error("upload too large")).catch(() => {});
        throw new AppError("payload_too_large", `upload too large: more than ${opts.maxBytes} bytes`);
      }
      yield chunk;
    }
  } finally {
    try {
      reader.releaseLock();
    } catch {
      // a pending read after cancel: the stream is finished either way
    }
  }
}

/** The answer for a body the guard stopped, whatever error the ingest wrapped it in. */
function stoppedResponse(state: BodyState): Response | null {
  if (state.stopped === "idle_timeout") {
    return errorResponse("bad_request", `upload timed out: no data received for ${Math.round((state.limit ?? 0) / 1000)} s; nothing was imported`, 408, {
      reason: "idle_timeout",
    });
  }
  if (state.stopped === "deadline") {
    return errorResponse("bad_request", `upload timed out: not finished within ${Math.round((state.limit ?? 0) / 1000)} s; nothing was imported`, 408, {
      reason: "deadline",
    });
  }
  if (state.stopped === "too_large") {
    return errorResponse("payload_too_large", `upload too large: more than ${state.limit} bytes; nothing was imported`, 413, { reason: "too_large" });
  }
  return null;
}

function tooManyUploads(): Response {
  return json(
    {
      error: {
        code: "rate_limited",
        message: `too many uploads in progress (at most ${uploadLimits.perUserConcurrent} per user); retry when one has finished`,
      },
    },
    429,
    { "retry-after": String(uploadLimits.retryAfterSeconds) },
  );
}

/**
 * Handle a raw-body upload. With `Accept: application/x-ndjson` the answer streams progress
 * events (`{"type":"progress",…}`) and ends with `{"type":"done","dataset":…}` or
 * `{"type":"error","error":…}`; otherwise it is a plain 201 / 4xx.
 *
 * Refused before any byte is read: compressed bodies (415, C9), a Content-Length over the cap (413),
 * a user with `perUserConcurrent` uploads in flight (429 + Retry-After, C5). While reading: more
 * bytes than the cap (413), no byte for `idleTimeoutMs` or not done by `deadlineMs` (408, C4); the
 * store's import is atomic, so
 * a stopped upload leaves no dataset.
 */
export async function handleUpload(req: Request, viewer: Viewer): Promise<Response> {
  const url = new URL(req.url);
  const query = uploadQuerySchema.parse(Object.fromEntries(url.searchParams));
  const env = getEnv();
  const encoding = (req.headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (encoding && encoding !== "identity") {
    throw new AppError("unsupported_media_type", `compressed uploads are not accepted (Content-Encoding: ${encoding.slice(0, 40)}); send the file uncompressed`);
  }
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > env.MAX_UPLOAD_BYTES) {
    throw new AppError("payload_too_large", `upload too large: ${declared} bytes (limit ${env.MAX_UPLOAD_BYTES})`);
  }
  const release = acquireSlot(viewer.userId);
  if (!release) {
    req.body?.cancel().catch(() => {});
    return tooManyUploads();
  }
  const state: BodyState = {};
  const run = async (onProgress?: (p: IngestProgress) => void): Promise<Dataset> => {
    const store = await getStore();
    // the bytes are kept when the file is not read as UTF-8, so review can re-read it in another encoding
    const spool = spoolUpload(guardedBody(req.body, { maxBytes: env.MAX_UPLOAD_BYTES, idleMs: uploadLimits.idleTimeoutMs, deadlineMs: uploadLimits.deadlineMs }, state));
    const dataset = await importDataset(store, {
      // the owning workspace is written in the import's own transaction (visible to nobody else, ever)
      meta: { name: query.name, owner: viewer.email, fileName: query.fileName ?? query.name, workspaceId: viewer.workspaceId, uploadedBy: viewer.userId },
      source: spool.source,
      options: {
        encoding: query.encoding,
        ...formatOptions(query.format),
        totalBytes: Number.isFinite(declared) ? declared : undefined,
        signal: req.signal,
        onProgress,
      },
    }).catch(async (err: unknown) => {
      await spool.discard();
      throw err;
    });
    await spool.settle(dataset).catch(() => spool.discard());
    return dataset;
  };

  if (!(req.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    try {
      return respond(datasetSchema, await run(), 201);
    } catch (err) {
      const stopped = stoppedResponse(state);
      if (stopped) return stopped;
      throw err;
    } finally {
      release();
    }
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (obj: unknown) => controller.enqueue(encoder.encode(JSON.stringify(obj) + "\n"));
      try {
        const dataset = await run((p) => send({ type: "progress", ...p }));
        send({ type: "done", dataset });
      } catch (err) {
        const res = stoppedResponse(state) ?? toErrorResponse(err);
        send({ type: "error", status: res.status, ...(await res.json()) });
      } finally {
        release();
        controller.close();
      }
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { "content-type": "application/x-ndjson", "cache-control": "private, no-store", "x-content-type-options": "nosniff" },
  });
}
