/** Test helpers: tiny tables → crosstab results, and a walk over every number in a value. */
import { computeCellSums } from "@/lib/engine";
import { computeCrosstab } from "@/lib/stats";
import { crosstabSpecSchema, type CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import type { CrosstabResult } from "@/lib/schema/crosstab-result";

/** Rows of [outcome, segment, filter column]: `[ "Yes", "A", "x" ]`. */
export type Row = [string, string, string];

/** Repeat a row `times` times. */
export const rep = (times: number, row: Row): Row[] => Array.from({ length: times }, () => [...row] as Row);

/** A crosstab over columns q (outcome), seg (segment), f (filterable). */
export function crosstabOf(rows: Row[], spec: Partial<CrosstabSpecInput> = {}): CrosstabResult {
  const full: CrosstabSpecInput = { outcome: "q", segment: "seg", ...spec };
  if (full.statistic !== "mean" && full.outcome_category === undefined) full.outcome_category = "Yes";
  return computeCrosstab(computeCellSums({ header: ["q", "seg", "f"], rows }, crosstabSpecSchema.parse(full)));
}

/** Every finite number anywhere in a JSON-like value. */
export function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}
