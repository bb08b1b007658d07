/**
 * The predictors a drivers request gets when it names none: a small set of plausible segment
 * questions (single choice or scale, 2–12 options), in questionnaire order, each answered by most
 * of the analysed rows and with two or more levels there; in a logistic model a question whose
 * levels include one where the outcome never varies is left out (it would separate the outcome).
 */
import { columnKind } from "@/lib/models/design-matrix";

/** At most this many default predictors. */
export const MAX_DEFAULT_PREDICTORS = 6;
/** A default predictor has at most this many options. */
export const MAX_DEFAULT_OPTIONS = 12;
/** A default predictor must be answered by at least this share of the rows with an outcome. */
const MIN_COVERAGE = 0.8;

/** The screening input: the text rows, where each question sits, and the outcome rule. */
export interface ScreeningInput {
  rows: string[][];
  /** column of each candidate question id */
  column: ReadonlyMap<string, number>;
  outcomeColumn: number;
  /** −1 without a weight */
  weightColumn: number;
  model: "logistic" | "linear";
  outcomeCategories: readonly string[];
}

/**
 * Screen `candidates` (question ids in questionnaire order) and keep the first
 * {@link MAX_DEFAULT_PREDICTORS} that pass; `dropped` says why the others failed.
 *
 * @example screenDefaultPredictors(["country", "role"], input).predictors // ["country", "role"]
 */
export function screenDefaultPredictors(
  candidates: readonly string[],
  input: ScreeningInput,
): { predictors: string[]; dropped: { predictor: string; reason: string }[] } {
  const { rows, column, outcomeColumn: oi, weightColumn: wi } = input;
  const cats = new Set(input.outcomeCategories);
  const base = rows.filter((r) => r[oi] !== "" && (wi < 0 || r[wi] !== ""));
  const dropped: { predictor: string; reason: string }[] = [];
  const predictors: string[] = [];
  for (const p of candidates) {
    const k = column.get(p) as number;
    const answered = base.filter((r) => r[k] !== "");
    if (base.length === 0 || answered.length / base.length < MIN_COVERAGE) {
      dropped.push({ predictor: p, reason: `answered by fewer than ${Math.round(MIN_COVERAGE * 100)}% of the analysed rows` });
      continue;
    }
    const levels = new Map<string, Set<number>>();
    for (const r of answered) {
      const y = input.model === "logistic" ? (cats.has(r[oi]) ? 1 : 0) : 0;
      levels.set(r[k], (levels.get(r[k]) ?? new Set()).add(y));
    }
    if (levels.size < 2) {
      dropped.push({ predictor: p, reason: "one level among the analysed rows" });
      continue;
    }
    if (input.model === "logistic" && columnKind(answered, k) === "categorical") {
      const constant = [...levels].filter(([, ys]) => ys.size < 2).map(([l]) => l);
      if (constant.length) {
        dropped.push({ predictor: p, reason: "separates the outcome (it does not vary within some of its levels)" });
        continue;
      }
    }
    if (predictors.length < MAX_DEFAULT_PREDICTORS) predictors.push(p);
  }
  return { predictors, dropped };
}
