/**
 * The rows a driver model analyses and their response and weights, as `make_drivers.R` does it:
 * filters first, then complete cases on outcome, predictors and weight (only an empty cell is
 * missing), then y = 1 for an outcome in `outcome_category` (logistic) or `as.numeric(outcome)`
 * (linear), and the weights rescaled to mean 1 (svyglm's `rescale = TRUE`).
 */
import { parseRNumeric } from "@/lib/engine/parse-r-numeric";
import type { DriversSpec } from "@/lib/schema/drivers";
import { ModelError } from "./errors";

/** A text table: header names and rows of cells ("" = missing). */
export interface TextTable {
  header: string[];
  rows: string[][];
}

/** Rows kept for the model, with the response and prior weights. */
export interface AnalysisRows {
  rows: string[][];
  y: Float64Array;
  /** prior weights rescaled to mean 1 */
  weights: Float64Array;
}

/**
 * Index of a column by header name; an unknown name is a ModelError.
 * @example columnIndex(["a", "b"], "b", "predictor") // 1
 */
export function columnIndex(header: readonly string[], name: string, role: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new ModelError("invalid_spec", `unknown ${role} column: ${name}`);
  return i;
}

function responseOf(spec: DriversSpec, rows: string[][], oi: number): Float64Array {
  const y = new Float64Array(rows.length);
  if (spec.model === "logistic") {
    const cats = new Set(spec.outcome_category ?? []);
    rows.forEach((r, i) => (y[i] = cats.has(r[oi]) ? 1 : 0));
    const ones = y.reduce((s, v) => s + v, 0);
    if (ones === 0 || ones === rows.length) {
      // which side is not said: with a narrow filter it would be the respondents' answer
      throw new ModelError("one_level", `outcome has one level: ${spec.outcome} (the analysed rows need answers both in and outside outcome_category)`);
    }
    return y;
  }
  rows.forEach((r, i) => {
    const v = parseRNumeric(r[oi]);
    if (v === null) throw new ModelError("not_numeric", `outcome is not a number: ${spec.outcome} has values that are not numbers (use a logistic model, or mark them missing)`);
    y[i] = v;
  });
  if (y.every((v) => v === y[0])) throw new ModelError("one_level", `outcome is constant: ${spec.outcome} has one value in the analysed rows`);
  return y;
}

/**
 * Select and encode the analysed rows of `table` for `spec`.
 *
 * @example
 * const a = analysisRows({ header: ["y", "g"], rows: [["Yes", "a"], ["No", ""], ["No", "b"]] },
 *   driversSpecSchema.parse({ model: "logistic", outcome: "y", outcome_category: "Yes", predictors: ["g"] }));
 * a.rows.length // 2; a.y // [1, 0]
 */
export function analysisRows(table: TextTable, spec: DriversSpec): AnalysisRows {
  const { header } = table;
  const oi = columnIndex(header, spec.outcome, "outcome");
  const pi = spec.predictors.map((p) => columnIndex(header, p, "predictor"));
  const wi = spec.weight === undefined ? -1 : columnIndex(header, spec.weight, "weight");
  const filters = Object.entries(spec.filters).map(([col, values]) => ({
    index: columnIndex(header, col, "filter"),
    values: new Set(values),
  }));
  const needed = [oi, ...pi, ...(wi >= 0 ? [wi] : [])];
  const rows = table.rows.filter(
    (r) => filters.every((f) => f.values.has(r[f.index] ?? "")) && needed.every((i) => (r[i] ?? "") !== ""),
  );
  if (rows.length === 0) throw new ModelError("too_few_cases", "too few cases: no rows left after filters and missing values");
  const y = responseOf(spec, rows, oi);
  const weights = new Float64Array(rows.length).fill(1);
  if (wi >= 0) {
    rows.forEach((r, i) => {
      const w = parseRNumeric(r[wi]);
      if (w === null) throw new ModelError("not_numeric", `weight is not a number: ${spec.weight} has values that are not numbers`);
      if (w <= 0) throw new ModelError("invalid_spec", `weight must be positive: ${spec.weight} has values ≤ 0`);
      weights[i] = w;
    });
    const mean = weights.reduce((s, v) => s + v, 0) / weights.length;
    for (let i = 0; i < weights.length; i++) weights[i] /= mean;
  }
  return { rows, y, weights };
}
