import "server-only";
import { ZodError } from "zod";
import { AppError, type ErrorCode, type ErrorEnvelope } from "@/lib/schema/errors";
import { IngestError } from "@/lib/ingest/types";

/** Every JSON answer: never sniffed as another type, never kept by a shared cache (per-user data, C34). */
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "private, no-store", "x-content-type-options": "nosniff" };

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** The one error envelope. */
export function errorResponse(code: ErrorCode, message: string, status: number, details?: unknown): Response {
  const body: ErrorEnvelope = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return json(body, status);
}

/** Map anything thrown in a handler to the envelope; unknown errors are logged and hidden. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const res = errorResponse(err.code, err.message, err.status, err.details);
    const retry = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (err.code === "rate_limited" && typeof retry === "number") res.headers.set("retry-after", String(retry));
    return res;
  }
  if (err instanceof IngestError) {
    const status = err.code === "too-large" ? 413 : err.code === "binary-file" ? 415 : 422;
    const code: ErrorCode = status === 413 ? "payload_too_large" : status === 415 ? "unsupported_media_type" : "import_failed";
    return errorResponse(code, err.message, status, { reason: err.code, issues: err.issues });
  }
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    return errorResponse("validation_failed", `${where}${first?.message ?? "invalid input"}`, 422, { issues: err.issues });
  }
  if (err instanceof Error && (err.name === "AbortError" || err.message === "aborted")) {
    // the client went away (cancelled upload, closed tab): nothing to report
    return errorResponse("bad_request", "request aborted by the client", 400);
  }
  console.error("unhandled error", err);
  return errorResponse("internal", "internal error", 500);
}
