/**
 * Magnitude rules for a mean, sum or weighted estimate over one cell (τ-ARGUS semantics), as pure
 * functions of the cell's contributions. A count rule ("< k") does not protect a magnitude: a
 * mean over 20 people where one earns 95% of the total tells that person's income, and a rake that
 * puts nearly all weight on one respondent makes the weighted mean that respondent's answer.
 *
 * Rules, each with a reason code when the cell fails:
 * - `min_n`: fewer than `minN` respondents contribute (unweighted n).
 * - `dominance_values` / `dominance_weights`: the (n, k) dominance rule: the `n` largest
 *   contributions exceed `k`% of the cell total. Contributions are |w_i·y_i| for the values and
 *   w_i for the weights (a weight dominance makes a weighted estimate one respondent's answer).
 * - `p_percent_values` / `p_percent_weights`: the p% rule: the second-largest contributor could
 *   estimate the largest to within p% (total − x₁ − x₂ < p/100 · x₁).
 * - `effective_base`: Kish's effective base (Σw)²/Σw² is under `minEffectiveBase`.
 *
 * A rule set to null is off. Every rule that fails is reported, in the order above.
 */

/** One rule set. Defaults: {@link DEFAULT_MAGNITUDE_RULES}. */
export interface MagnitudeRules {
  /** minimum unweighted contributors (the cell's k) */
  minN: number;
  /** (n, k) dominance: the n largest may not exceed k% of the total; null = off */
  dominance: { n: number; k: number } | null;
  /** p% rule (percent); null = off */
  pPercent: number | null;
  /** minimum Kish effective base; null = off */
  minEffectiveBase: number | null;
}

/** Why a cell fails. */
export type MagnitudeReason = "min_n" | "dominance_values" | "dominance_weights" | "p_percent_values" | "p_percent_weights" | "effective_base";

export interface MagnitudeVerdict {
  ok: boolean;
  reasons: MagnitudeReason[];
}

/**
 * k = 5 contributors, (1, 60) dominance on values and weights (no one respondent may carry more
 * than 60% of the total or of the weight), p = 10%, effective base ≥ 5.
 */
export const DEFAULT_MAGNITUDE_RULES: Readonly<MagnitudeRules> = Object.freeze({
  minN: 5,
  dominance: Object.freeze({ n: 1, k: 60 }),
  pPercent: 10,
  minEffectiveBase: 5,
});

/** A cell's respondents: their values (omit for a count) and weights (omit when unweighted). */
export interface MagnitudeCell {
  values?: readonly number[];
  weights?: readonly number[];
}

function sortedDesc(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => b - a);
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/**
 * Whether the `n` largest contributions exceed `k`% of their total ((n, k) dominance). A cell
 * with no positive total is not dominated; with n or fewer contributors and a positive total it is.
 * @example dominated([95, 2, 2, 1], 1, 60) // true: 95 > 60% of 100
 * @example dominated([30, 30, 20, 20], 1, 60) // false
 */
export function dominated(contributions: readonly number[], n: number, k: number): boolean {
  const xs = sortedDesc(contributions.map(Math.abs));
  const total = sum(xs);
  if (!(total > 0)) return false;
  return sum(xs.slice(0, n)) > (k / 100) * total;
}

/**
 * The p% rule: the second-largest contributor, subtracting its own contribution from the total,
 * would know the largest to within p% (total − x₁ − x₂ < p/100 · x₁).
 * @example pPercentFails([100, 5, 3], 10) // true: 108 − 100 − 5 = 3 < 10
 * @example pPercentFails([40, 30, 30], 10) // false
 */
export function pPercentFails(contributions: readonly number[], p: number): boolean {
  const xs = sortedDesc(contributions.map(Math.abs));
  if (xs.length === 0 || !(xs[0] > 0)) return false;
  const rest = sum(xs) - xs[0] - (xs[1] ?? 0);
  return rest < (p / 100) * xs[0];
}

/**
 * Kish's effective base (Σw)²/Σw² (n when unweighted; 0 for an empty cell).
 * @example kishEffectiveBase([1, 1, 1, 1]) // 4
 * @example kishEffectiveBase([10, 1, 1]) // 1.40…
 */
export function kishEffectiveBase(weights: readonly number[]): number {
  const s = sum(weights);
  const s2 = sum(weights.map((w) => w * w));
  return s2 > 0 ? (s * s) / s2 : 0;
}

/**
 * Judge one cell against the magnitude rules. `values` are the respondents' answers (for a mean
 * or sum); `weights` their weights (1 each when omitted). Rules on values run only when values
 * are given; rules on weights only when weights are given.
 * @example
 * checkMagnitude({ values: [1000, 10, 12, 9, 11], weights: [1, 1, 1, 1, 1] }, DEFAULT_MAGNITUDE_RULES)
 * // { ok: false, reasons: ["dominance_values", "p_percent_values"] }
 */
export function checkMagnitude(cell: MagnitudeCell, rules: MagnitudeRules = DEFAULT_MAGNITUDE_RULES): MagnitudeVerdict {
  const n = cell.values?.length ?? cell.weights?.length ?? 0;
  if (cell.values && cell.weights && cell.values.length !== cell.weights.length) throw new RangeError("values and weights differ in length");
  const weights = cell.weights ?? new Array<number>(n).fill(1);
  const reasons: MagnitudeReason[] = [];
  if (n < rules.minN) reasons.push("min_n");
  const valueContributions = cell.values ? cell.values.map((y, i) => weights[i] * y) : null;
  if (rules.dominance) {
    if (valueContributions && dominated(valueContributions, rules.dominance.n, rules.dominance.k)) reasons.push("dominance_values");
    if (cell.weights && dominated(cell.weights, rules.dominance.n, rules.dominance.k)) reasons.push("dominance_weights");
  }
  if (rules.pPercent !== null) {
    if (valueContributions && pPercentFails(valueContributions, rules.pPercent)) reasons.push("p_percent_values");
    if (cell.weights && pPercentFails(cell.weights, rules.pPercent)) reasons.push("p_percent_weights");
  }
  if (rules.minEffectiveBase !== null && kishEffectiveBase(weights) < rules.minEffectiveBase) reasons.push("effective_base");
  return { ok: reasons.length === 0, reasons };
}

/**
 * The rules that can be judged from a cell's sufficient statistics alone (n, Σw, Σw²), as the
 * crosstab path has them: minimum n and the effective base. Dominance and p% need the
 * individual contributions.
 * @example checkCellSums({ n: 12, sumW: 12, sumW2: 100 }, DEFAULT_MAGNITUDE_RULES) // { ok: false, reasons: ["effective_base"] }
 */
export function checkCellSums(cell: { n: number; sumW: number; sumW2: number }, rules: MagnitudeRules = DEFAULT_MAGNITUDE_RULES): MagnitudeVerdict {
  const reasons: MagnitudeReason[] = [];
  if (cell.n < rules.minN) reasons.push("min_n");
  const nEff = cell.sumW2 > 0 ? (cell.sumW * cell.sumW) / cell.sumW2 : 0;
  if (rules.minEffectiveBase !== null && nEff < rules.minEffectiveBase) reasons.push("effective_base");
  return { ok: reasons.length === 0, reasons };
}
