/**
 * The analysed rows of the second-generation driver methods (`golden-drivers2` README §2):
 * filters first, then complete cases — a non-empty outcome (numeric for a linear model), every
 * predictor non-empty, and, with a weight column, a weight that is a number > 0 (other rows are
 * left out, not an error). Collinear terms (QR of √w·X, tolerance 1e-7) are a ModelError. Weights stay as given: Firth treats them as frequency weights, and R²
 * does not depend on their scale.
 */
import { parseRNumeric } from "@/lib/engine/parse-r-numeric";
import type { DriversSpec } from "@/lib/schema/drivers";
import type { ModelRows } from "@/lib/schema/drivers-methods";
import { columnIndex, type TextTable } from "./analysis-rows";
import { buildDesignMatrix, columnKind, sortedLevels, type DesignMatrix, type PredictorColumn, type PredictorKind } from "./design-matrix";
import { ModelError } from "./errors";
import { householderQr } from "./matrix";

/** Everything a driver method needs about its rows. */
export interface ModelFrame {
  rows: string[][];
  /** response: 0/1 (logistic) or the numeric outcome */
  y: Float64Array;
  /** prior weights as given (1 without a weight column) */
  weights: Float64Array;
  predictors: PredictorColumn[];
  design: DesignMatrix;
  /** per predictor (spec order): the model-matrix columns it owns (indices into design.x.cols) */
  groups: number[][];
  counts: ModelRows;
  predictorTypes: Record<string, PredictorKind>;
}

/**
 * Build the model frame of `spec` on `table`.
 *
 * @example
 * const f = buildModelFrame({ header: ["y", "g", "w"], rows: [["1", "a", "1"], ["2", "b", "0"], ["3", "b", "2"], ["", "a", "1"]] },
 *   driversSpecSchema.parse({ model: "linear", method: "lmg", outcome: "y", predictors: ["g"], weight: "w" }));
 * f.counts // { csv: 4, analytic: 2, excluded_incomplete: 2, excluded_by_filter: 0 } — then "one_level" for g
 */
export function buildModelFrame(table: TextTable, spec: DriversSpec): ModelFrame {
  const { header } = table;
  const oi = columnIndex(header, spec.outcome, "outcome");
  const predictors: PredictorColumn[] = spec.predictors.map((name) => {
    const index = columnIndex(header, name, "predictor");
    return { name, index, kind: columnKind(table.rows, index) };
  });
  const wi = spec.weight === undefined ? -1 : columnIndex(header, spec.weight, "weight");
  const filters = Object.entries(spec.filters).map(([col, values]) => ({ index: columnIndex(header, col, "filter"), values: new Set(values) }));
  const inScope = table.rows.filter((r) => filters.every((f) => f.values.has(r[f.index] ?? "")));
  const weightOf = (r: string[]) => (wi < 0 ? 1 : parseRNumeric(r[wi] ?? ""));
  const rows = inScope.filter((r) => {
    const out = r[oi] ?? "";
    if (out === "" || (spec.model === "linear" && parseRNumeric(out) === null)) return false;
    if (predictors.some((p) => (r[p.index] ?? "") === "")) return false;
    const w = weightOf(r);
    return w !== null && Number.isFinite(w) && w > 0;
  });
  if (rows.length === 0) throw new ModelError("too_few_cases", "too few cases: no rows left after filters and missing values");
  const cats = new Set(spec.outcome_category ?? []);
  const y = Float64Array.from(rows, (r) => (spec.model === "logistic" ? (cats.has(r[oi]) ? 1 : 0) : (parseRNumeric(r[oi]) as number)));
  if (y.every((v) => v === y[0])) {
    throw new ModelError("one_level", spec.model === "logistic" ? `outcome has one level: ${spec.outcome}` : `outcome is constant: ${spec.outcome}`);
  }
  const weights = Float64Array.from(rows, (r) => weightOf(r) as number);
  const design = buildDesignMatrix(rows, predictors, spec.reference_levels);
  if (rows.length <= design.terms.length) throw new ModelError("too_few_cases", "too few cases: no more rows than coefficients");
  const sw = weights.map(Math.sqrt);
  const qr = householderQr({ nrow: rows.length, cols: design.x.cols.map((c) => c.map((v, i) => v * sw[i])) });
  if (qr.rank < design.terms.length) {
    const terms = qr.pivot.slice(qr.rank).map((j) => design.terms[j]);
    throw new ModelError("collinearity", `collinear terms (linear combinations of earlier terms): ${terms.join(", ")}`, terms);
  }
  const groups: number[][] = [];
  let next = 1;
  for (const p of predictors) {
    const width = p.kind === "numeric" ? 1 : sortedLevels(rows.map((r) => r[p.index])).length - 1;
    groups.push(Array.from({ length: width }, (_, k) => next + k));
    next += width;
  }
  return {
    rows,
    y,
    weights,
    predictors,
    design,
    groups,
    counts: {
      csv: table.rows.length,
      analytic: rows.length,
      excluded_incomplete: inScope.length - rows.length,
      excluded_by_filter: table.rows.length - inScope.length,
    },
    predictorTypes: Object.fromEntries(predictors.map((p) => [p.name, p.kind])),
  };
}
