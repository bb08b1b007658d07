/**
 * One entry point for every driver method, used by `cli drivers`, the golden tests and the API:
 * the spec's `method` picks svyglm (`fitDrivers`), LMG relative importance (`fitLmg`) or the
 * Firth-penalised logistic fit (`fitFirthDrivers`).
 */
import { driversSpecSchema, type DriversResult } from "@/lib/schema/drivers";
import type { FirthResult, LmgResult } from "@/lib/schema/drivers-methods";
import type { TextTable } from "./analysis-rows";
import { ModelError } from "./errors";
import { fitDrivers } from "./fit-drivers";
import { fitFirthDrivers } from "./fit-firth";
import { fitLmg } from "./fit-lmg";

/** The result of any driver method. */
export type DriversMethodResult = DriversResult | LmgResult | FirthResult;

/**
 * Validate `specInput` and fit it with its method; failures are one-line {@link ModelError}s.
 *
 * @example
 * fitDriversMethod(table, { model: "linear", method: "lmg", outcome: "confidence", predictors: ["guardrails"] }).method // "lmg"
 */
export function fitDriversMethod(table: TextTable, specInput: unknown): DriversMethodResult {
  const parsed = driversSpecSchema.safeParse(specInput);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "spec"}: ${i.message}`);
    throw new ModelError("invalid_spec", `invalid spec: ${issues.join("; ")}`);
  }
  const spec = parsed.data;
  if (spec.method === "lmg") return fitLmg(table, spec);
  if (spec.method === "firth") return fitFirthDrivers(table, spec);
  return fitDrivers(table, spec);
}
