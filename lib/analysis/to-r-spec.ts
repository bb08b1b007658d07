import type { CrosstabSpec } from "@/lib/schema/crosstab-spec";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { CrosstabPlan } from "./plan";

/**
 * Rewrite a resolved crosstab in terms of the raw file's header names, so the R script reads the
 * uploaded file as it is. Declared missing codes and multi-select options have no plain-file
 * equivalent in the script's rules, so those breakdowns are refused with a clear message.
 *
 * @example
 * toRawHeaderSpec(spec, plan, dataset).outcome // "Q12" (the export tag of the outcome's column)
 */
export function toRawHeaderSpec(spec: CrosstabSpec, plan: CrosstabPlan, dataset: Dataset): CrosstabSpec {
  const header = (column: string) => {
    const c = dataset.columns.find((x) => x.name === column);
    if (!c) throw new AppError("invalid_spec", `unknown column: ${column}`);
    return c.headers[0];
  };
  if (plan.outcome.kind !== "column" || plan.filters.some((f) => f.kind !== "values")) {
    throw new AppError("invalid_spec", "the R export covers single-column questions; multi-select outcomes and filters are not supported yet");
  }
  if (plan.outcome.missingCodes.length || plan.segment.missingCodes.length) {
    throw new AppError("invalid_spec", `the R export treats only empty cells as missing; this question declares missing codes: ${[...plan.outcome.missingCodes, ...plan.segment.missingCodes].join(", ")}`);
  }
  return {
    ...spec,
    outcome: header(plan.outcome.column),
    outcome_category: spec.statistic === "mean" ? undefined : plan.outcomeCategories,
    segment: header(plan.segment.column),
    weight: plan.weight ? header(plan.weight.column) : undefined,
    filters: Object.fromEntries(plan.filters.flatMap((f) => (f.kind === "values" ? [[header(f.column), f.values]] : []))),
    segment_levels: plan.segmentLevels ?? spec.segment_levels,
  };
}
