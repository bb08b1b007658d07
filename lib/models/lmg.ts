/**
 * LMG relative importance (Lindeman, Merenda & Gold 1980; the Shapley value of R²): the share of
 * predictor j is the average, over all p! orderings, of the R² it adds when it joins the
 * predictors before it,
 *
 *   LMG_j = Σ_{S ⊆ P∖{j}} |S|! (p−1−|S|)! / p! · [R²(S ∪ {j}) − R²(S)],   Σ_j LMG_j = R²(P).
 *
 * Every one of the 2^p subsets is fitted once (a bit mask per subset); a categorical predictor is
 * one player, so all its dummy columns enter and leave together. Weights enter only through R².
 */
import type { ColumnMatrix } from "./matrix";
import { weightedR2, weightedTss } from "./weighted-r2";

/** Most predictors LMG is computed for (2^12 = 4 096 regressions). */
export const LMG_MAX_PREDICTORS = 12;

/** What {@link computeLmg} returns. */
export interface LmgDecomposition {
  /** R² of the full model */
  r2: number;
  /** per predictor (input order) */
  lmg: number[];
  /** 1 = largest lmg, ties by input order */
  rank: number[];
  /** every subset, by size and then in R's `combn` order: member indices and R² */
  subsets: { members: number[]; r2: number }[];
}

/** Index subsets of {0..p−1} of size k in lexicographic order (R's `combn`). */
function combinations(p: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, acc: number[]) => {
    if (acc.length === k) {
      out.push(acc);
      return;
    }
    for (let i = start; i <= p - (k - acc.length); i++) pick(i + 1, [...acc, i]);
  };
  pick(0, []);
  return out;
}

/**
 * Shapley decomposition of the weighted R² over predictor groups (`groups[j]` = the columns of
 * `x` that predictor j owns; column 0 of `x` is the intercept).
 *
 * @example
 * const d = computeLmg(design.x, [[1, 2, 3], [4]], y, w);
 * d.lmg.reduce((a, b) => a + b) // d.r2
 */
export function computeLmg(x: ColumnMatrix, groups: readonly number[][], y: Float64Array, w: Float64Array): LmgDecomposition {
  const p = groups.length;
  if (p > LMG_MAX_PREDICTORS) throw new RangeError(`too many predictors for lmg: ${p} (at most ${LMG_MAX_PREDICTORS})`);
  const tss = weightedTss(y, w);
  const r2ByMask = new Float64Array(1 << p);
  const subsets: LmgDecomposition["subsets"] = [];
  for (let k = 0; k <= p; k++) {
    for (const members of combinations(p, k)) {
      const mask = members.reduce((m, j) => m | (1 << j), 0);
      const r2 = weightedR2(x, members.flatMap((j) => groups[j]), y, w, tss);
      r2ByMask[mask] = r2;
      subsets.push({ members, r2 });
    }
  }
  const factorial = [1];
  for (let i = 1; i <= p; i++) factorial.push(factorial[i - 1] * i);
  const lmg = groups.map((_, j) => {
    let total = 0;
    for (let mask = 0; mask < 1 << p; mask++) {
      if (mask & (1 << j)) continue;
      let size = 0;
      for (let m = mask; m; m &= m - 1) size++;
      total += ((factorial[size] * factorial[p - 1 - size]) / factorial[p]) * (r2ByMask[mask | (1 << j)] - r2ByMask[mask]);
    }
    return total;
  });
  const order = lmg.map((v, j) => ({ v, j })).sort((a, b) => b.v - a.v || a.j - b.j);
  const rank = new Array<number>(p);
  order.forEach((o, r) => (rank[o.j] = r + 1));
  return { r2: r2ByMask[(1 << p) - 1], lmg, rank, subsets };
}
