/**
 * Disclosure rules for models fitted on respondent rows (key drivers) released to an
 * aggregate-only audience. A regression is a set of cell means in disguise: with one categorical
 * predictor the intercept is the reference level's mean and each coefficient a difference of level
 * means, so a level of one respondent makes a coefficient that respondent's value. The model is
 * refused (never partly released) when, over its complete-case rows:
 *
 * - `min_rows`: fewer than k rows in all;
 * - `level_count`: a categorical predictor level has 1..k−1 rows;
 * - `outcome_class`: (logistic) an outcome class has 1..k−1 rows, overall or within a predictor
 *   level (a level's fitted share would give the count);
 * - `magnitude`: (linear) the outcome within the model or within a predictor level fails the
 *   magnitude rules (dominance, p%) on the values, or the weights fail them (dominance on the
 *   weights, the effective base): an estimate that reduces to one respondent's value.
 *
 * Pure: the caller hands over the rows as text cells (empty = missing), as the models read them.
 */
import { checkMagnitude, type MagnitudeRules } from "./magnitude";

export type ModelRule = "min_rows" | "level_count" | "outcome_class" | "magnitude";

export interface ModelRows {
  model: "linear" | "logistic";
  rows: readonly (readonly string[])[];
  outcome: number;
  /** -1: unweighted */
  weight: number;
  /** column index and kind per predictor */
  predictors: readonly { column: number; kind: "numeric" | "categorical" }[];
  /** logistic: the outcome codes counted as 1 */
  outcomeCategories: readonly string[];
  /** each row's ordinal in the dataset (file order), and the dataset's size: the model's populations */
  ordinals?: readonly number[];
  universe?: number;
}

export interface ModelVerdict {
  ok: boolean;
  rules: ModelRule[];
}

const small = (n: number, k: number) => n > 0 && n < k;

/**
 * Judge a model's rows against the rules (k: the minimum cell; magnitude: the magnitude rules).
 * @example checkModelRows({ model: "linear", rows: [["3", "a"], ["4", "a"]], outcome: 0, weight: -1, predictors: [{ column: 1, kind: "categorical" }], outcomeCategories: [] }, 5, rules).rules // ["min_rows", "level_count"]
 */
export function checkModelRows(m: ModelRows, k: number, magnitude: MagnitudeRules): ModelVerdict {
  const needed = [m.outcome, ...m.predictors.map((p) => p.column), ...(m.weight >= 0 ? [m.weight] : [])];
  const rows = m.rows.filter((r) => needed.every((c) => r[c] !== "" && r[c] !== undefined));
  const rules = new Set<ModelRule>();
  if (rows.length < k) rules.add("min_rows");
  const weightOf = (r: readonly string[]) => (m.weight >= 0 ? Number(r[m.weight]) : 1);
  const yes = new Set(m.outcomeCategories);
  const judgeGroup = (group: readonly (readonly string[])[]) => {
    if (m.model === "logistic") {
      const ones = group.filter((r) => yes.has(r[m.outcome])).length;
      if (small(ones, k) || small(group.length - ones, k)) rules.add("outcome_class");
      if (m.weight >= 0 && !checkMagnitude({ weights: group.map(weightOf) }, { ...magnitude, minN: 0 }).ok) rules.add("magnitude");
      return;
    }
    const values = group.map((r) => Number(r[m.outcome]));
    const verdict = checkMagnitude({ values, ...(m.weight >= 0 ? { weights: group.map(weightOf) } : {}) }, { ...magnitude, minN: 0 });
    if (!verdict.ok) rules.add("magnitude");
  };
  if (rows.length > 0) judgeGroup(rows);
  for (const p of m.predictors) {
    if (p.kind !== "categorical") continue;
    const levels = new Map<string, (readonly string[])[]>();
    for (const r of rows) {
      const list = levels.get(r[p.column]);
      if (list) list.push(r);
      else levels.set(r[p.column], [r]);
    }
    for (const group of levels.values()) {
      if (small(group.length, k)) rules.add("level_count");
      else judgeGroup(group);
    }
  }
  const order: ModelRule[] = ["min_rows", "level_count", "outcome_class", "magnitude"];
  const out = order.filter((r) => rules.has(r));
  return { ok: out.length === 0, rules: out };
}
