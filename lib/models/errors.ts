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
 * lowercase line, "what: value"; `reason` is for programs, `terms` names the offending terms.
 *
 * @example
 * throw new ModelError("collinearity", "collinear terms: size=5,000+", ["size=5,000+"])
 */
export class ModelError extends AppError {
  readonly reason: ModelErrorReason;
  readonly terms: string[];
  constructor(reason: ModelErrorReason, message: string, terms: string[] = []) {
    super("validation_failed", message, { reason, terms });
    this.name = "ModelError";
    this.reason = reason;
    this.terms = terms;
  }
}
