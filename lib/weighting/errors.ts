import { AppError } from "@/lib/schema/errors";

/** What went wrong, for callers that branch on it. */
export type WeightingErrorKind =
  | "invalid_data"
  | "invalid_targets"
  | "absent_category"
  | "impossible_targets"
  | "not_converged";

/**
 * A weighting failure with a one-line lowercase "what: value" message. It is an `AppError`
 * (code `invalid_spec`, HTTP 422), so the API and CLI report it as is.
 *
 * @example
 * throw new WeightingError("absent_category", "target category absent from data: country=FR")
 */
export class WeightingError extends AppError {
  readonly kind: WeightingErrorKind;
  constructor(kind: WeightingErrorKind, message: string, details?: unknown) {
    super("invalid_spec", message, details);
    this.name = "WeightingError";
    this.kind = kind;
  }
}

/**
 * A number for a message: at most `digits` significant digits, no trailing zeros.
 * @example fmt(0.0031234) // "0.0031"
 */
export function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(digits)));
}

/**
 * `a=1, b=2` for a match object.
 * @example label({ country: "US", size: "5,000+" }) // "country=US, size=5,000+"
 */
export function label(match: Record<string, string>): string {
  return Object.entries(match)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}
