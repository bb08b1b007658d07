/**
 * Chi-square tests of segment × outcome independence (oracle.R `chisq_one`):
 * - unweighted Pearson X² (`chisq.test(correct = FALSE)`);
 * - weighted Rao–Scott second-order F (`svychisq(statistic = "F")`, survey 4.1; Rao & Scott 1984,
 *   Annals of Statistics 12(1), 46–60): with p̂ the weighted cell proportions, V their
 *   linearisation covariance, C the interaction contrasts orthogonal to the main effects,
 *   Δ = (Cᵀ D⁻¹ C / N)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C), F = X²_N / tr Δ with ndf = d₀ = (tr Δ)²/tr Δ²,
 *   ddf = d₀ (N − 1), X²_N = Pearson X² of the weighted table scaled to N.
 *
 * Each respondent is in exactly one cell, so V follows from per-cell Σw and Σw²:
 *   V_kl = c/W² (δ_kl S2_k − p_k S2_l − p_l S2_k + p_k p_l S2),  c = N_an/(N_an − 1).
 */
import type { ChisqTest } from "@/lib/schema/crosstab-result";
import { pchisq, pf } from "./distributions";
import { solve, type Matrix, matMul, transpose } from "./linalg";
import { finite } from "./numbers";

/** One cell of the two-way table: counts and weight sums. */
export interface TableCell {
  n: number;
  sw: number;
  sw2: number;
}

/** Input of a test: row and column labels (present levels only) and cells[row][col]. */
export interface TwoWayTable {
  rows: string[];
  cols: string[];
  cells: TableCell[][];
  /** all analytic rows of the design (for the N/(N−1) variance factor) */
  nAnalytic: number;
}

function pearson(obs: number[][]): { x2: number; minExpected: number; lt5: number } {
  const rs = obs.map((r) => r.reduce((a, b) => a + b, 0));
  const cs = obs[0].map((_, j) => obs.reduce((a, r) => a + r[j], 0));
  const total = rs.reduce((a, b) => a + b, 0);
  let x2 = 0;
  let minExpected = Infinity;
  let lt5 = 0;
  obs.forEach((r, i) =>
    r.forEach((o, j) => {
      const e = (rs[i] * cs[j]) / total;
      x2 += ((o - e) * (o - e)) / e;
      minExpected = Math.min(minExpected, e);
      if (e < 5) lt5++;
    }),
  );
  return { x2, minExpected, lt5 };
}

function raoScott(t: TwoWayTable): ChisqTest["weighted"] {
  const nr = t.rows.length;
  const nc = t.cols.length;
  const flat = t.cells.flatMap((r, i) => r.map((c, j) => ({ ...c, i, j })));
  const nRows = flat.reduce((a, c) => a + c.n, 0); // N of svychisq (rows of the design data)
  const w = flat.reduce((a, c) => a + c.sw, 0);
  const s2 = flat.reduce((a, c) => a + c.sw2, 0);
  const p = flat.map((c) => c.sw / w);
  const scale = t.nAnalytic / (t.nAnalytic - 1);
  const v: Matrix = flat.map((ck, k) =>
    flat.map((cl, l) => (scale / (w * w)) * ((k === l ? ck.sw2 : 0) - p[k] * cl.sw2 - p[l] * ck.sw2 + p[k] * p[l] * s2)),
  );
  // interaction contrasts (rows 2..nr × cols 2..nc) double-centred = qr.resid(main effects)
  const cmat: Matrix = flat.map((c) => {
    const col: number[] = [];
    for (let j = 1; j < nc; j++) for (let i = 1; i < nr; i++) col.push(((c.i === i ? 1 : 0) - 1 / nr) * ((c.j === j ? 1 : 0) - 1 / nc));
    return col;
  });
  const inv = p.map((pk) => (pk === 0 ? 0 : 1 / pk));
  const dInvC = cmat.map((row, k) => row.map((x) => x * inv[k]));
  const ct = transpose(cmat);
  const denom = matMul(ct, dInvC).map((r) => r.map((x) => x / nRows));
  const numr = matMul(matMul(transpose(dInvC), v), dInvC);
  const delta = solve(denom, numr);
  if (delta === null) return null;
  const dim = delta.length;
  let tr = 0;
  for (let i = 0; i < dim; i++) tr += delta[i][i];
  const d2 = matMul(delta, delta);
  let tr2 = 0;
  for (let i = 0; i < dim; i++) tr2 += d2[i][i];
  const d0 = (tr * tr) / tr2;
  const nu = nRows - 1;
  const scaled = t.cells.map((r) => r.map((c) => (c.sw / w) * nRows));
  const x2 = pearson(scaled).x2;
  const f = x2 / tr;
  return {
    weighted_table_total: finite(w),
    pearson_x2_scaled_to_n: finite(x2),
    delta_trace: finite(tr),
    delta_mean: finite(tr / dim),
    nu: finite(nu),
    rao_scott_f: { F: finite(f), ndf: finite(d0), ddf: finite(d0 * nu), p_value: finite(pf(f, d0, d0 * nu, false)) },
    rao_scott_chisq: {
      x2_reported_by_svychisq: finite(x2),
      x2_first_order: finite(x2 / (tr / dim)),
      df: dim,
      p_value: finite(pchisq(x2 / (tr / dim), dim, false)),
    },
    rao_scott_second_order_chisq: { x2: finite(f * d0), df: finite(d0), p_value: finite(pchisq(f * d0, d0, false)) },
  };
}

/**
 * Unweighted Pearson and weighted Rao–Scott tests of one two-way table (rows and columns with
 * no respondents must already be dropped).
 * @example chisqTest({ rows: ["A", "B"], cols: ["x", "y"], cells, nAnalytic: 100 })
 */
export function chisqTest(t: TwoWayTable): ChisqTest {
  const n = t.cells.flat().reduce((a, c) => a + c.n, 0);
  const res: ChisqTest = { rows_used: t.rows, cols_used: t.cols, n, unweighted: null, weighted: null };
  if (t.rows.length < 2 || t.cols.length < 2) {
    res.note = "fewer than 2 non-empty rows or columns: test undefined";
    return res;
  }
  const { x2, minExpected, lt5 } = pearson(t.cells.map((r) => r.map((c) => c.n)));
  const df = (t.rows.length - 1) * (t.cols.length - 1);
  res.unweighted = { x2: finite(x2), df, p_value: finite(pchisq(x2, df, false)), min_expected: finite(minExpected), cells_expected_lt5: lt5 };
  res.weighted = raoScott(t);
  if (res.weighted === null) res.weighted_note = "design effect matrix is singular (typically empty cells): test undefined";
  return res;
}
