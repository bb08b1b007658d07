import { z } from "zod";

/** Every error code the API can answer with. */
export const errorCodeSchema = z.enum([
  "bad_request",
  "validation_failed",
  "unknown_question",
  "invalid_spec",
  "not_found",
  "payload_too_large",
  "unsupported_media_type",
  "import_failed",
  "unauthorized",
  "forbidden",
  "conflict",
  "rate_limited",
  "internal",
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The one error envelope of the API. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** The HTTP status each code answers with. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  validation_failed: 422,
  unknown_question: 422,
  invalid_spec: 422,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  import_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

/**
 * A failure the caller can act on. Library code throws it; the API and CLI turn it into the
 * error envelope or a one-line message.
 *
 * @example
 * throw new AppError("unknown_question", "unknown question: Q99")
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
