import { AppError } from "@/lib/schema/errors";

/** Why a driver model could not be fitted. */
export type ModelErrorReason =
  | "invalid_spec"
  | "not_numeric"
  | "one_level"
  | "too_few_cases"
  | "collinearity"
  | "separation"
  | "not_converged"
  | "degenerate";

/**
 * A model that cannot be fitted honestly (instead of absurd coefficients). The message is one
 * lowercase line naming columns and rules, never a respondent's value or a count of rows;
 * `reason` is for programs, `terms` names the offending terms for callers that refit (it stays
 * on the object: the error envelope's `details` carry the reason only, since a term names a level).
 *
 * @example
 * throw new ModelError("collinearity", "collinear terms (linear combinations of earlier terms) in: size", ["size=5,000+"])
 */
export class ModelError extends AppError {
  readonly reason: ModelErrorReason;
  readonly terms: string[];
  constructor(reason: ModelErrorReason, message: string, terms: string[] = []) {
    super("validation_failed", message, { reason });
    this.name = "ModelError";
    this.reason = reason;
    this.terms = terms;
  }
}
