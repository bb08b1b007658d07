/**
 * The published perturbation table of the cell-key method (Thompson, Broadfoot & Elazar 2013, as in
 * the ABS TableBuilder; the maximum-entropy construction of Giessing 2016, as in the `ptable` R
 * package). Deterministic: the same parameters always give the same table, so it can be printed,
 * checked and published (SECURITY.md "Cell-key perturbation").
 *
 * - Record keys are uniform on 0..BIG_N−1; a cell's key is the sum of its respondents' keys mod BIG_N
 *   (`cellKeyOf`), so the same set of respondents always has the same key.
 * - Row `min(count, MAX_PERTURBATION)` of the table maps a cell key to a perturbation d, the ranges of
 *   keys giving each d having length BIG_N · p(d). A count of 0 is never perturbed (zeros stay zero).
 * - For a count n ≥ 1 the perturbations are d ∈ {max(−n, −D) … D} (D = MAX_PERTURBATION): no negative
 *   result, never more than D away. p is the maximum-entropy distribution with mean 0 and variance
 *   VARIANCE on that support, p(d) ∝ exp(a·d + b·d²), rounded to whole units of 1/BIG_N and then
 *   corrected so that the mean is exactly 0 (unbiased: E[n + d] = n for every n when record keys are
 *   uniform).
 */

/** Record and cell keys are integers in 0..BIG_N−1 (12 bits: the first three hex digits of an MD5). */
export const BIG_N = 4096;
/** The largest |perturbation|: D. */
export const MAX_PERTURBATION = 3;
/** The target variance of a perturbation (for a count ≥ D; smaller counts get their own, see `ptableStats`). */
export const VARIANCE = 2;

/** One row of the table: for each perturbation d, how many of the BIG_N cell keys give it. */
export interface PtableRow {
  /** the (capped) count this row is for */
  count: number;
  /** perturbations in increasing order */
  d: number[];
  /** key-range lengths, same order as `d`; they sum to BIG_N */
  mass: number[];
}

/** p(d) ∝ exp(a·d + b·d²) on `support`: its mean and variance. */
function moments(support: number[], a: number, b: number) {
  const w = support.map((d) => Math.exp(a * d + b * d * d));
  const z = w.reduce((x, y) => x + y, 0);
  const p = w.map((x) => x / z);
  const m1 = p.reduce((s, pi, i) => s + pi * support[i], 0);
  const m2 = p.reduce((s, pi, i) => s + pi * support[i] ** 2, 0);
  const m3 = p.reduce((s, pi, i) => s + pi * support[i] ** 3, 0);
  const m4 = p.reduce((s, pi, i) => s + pi * support[i] ** 4, 0);
  return { p, m1, m2, m3, m4 };
}

/** Solve the two moment conditions (mean 0, E[d²] = variance) by damped Newton steps on (a, b). */
function maxEntropy(support: number[], variance: number): number[] {
  let a = 0;
  let b = -0.5 / variance;
  for (let it = 0; it < 500; it++) {
    const { m1, m2, m3, m4 } = moments(support, a, b);
    const f1 = m1;
    const f2 = m2 - variance;
    if (Math.abs(f1) < 1e-13 && Math.abs(f2) < 1e-13) break;
    // Jacobian of (E[d], E[d²]) in (a, b): the covariance matrix of (d, d²)
    const j11 = m2 - m1 * m1;
    const j12 = m3 - m1 * m2;
    const j22 = m4 - m2 * m2;
    const det = j11 * j22 - j12 * j12;
    const da = (j22 * f1 - j12 * f2) / det;
    const db = (-j12 * f1 + j11 * f2) / det;
    const step = Math.min(1, 2 / Math.max(Math.abs(da), Math.abs(db), 1e-12));
    a -= step * da;
    b -= step * db;
  }
  return moments(support, a, b).p;
}

/** Probabilities → whole key counts summing to BIG_N (largest remainder), then the mean made exactly 0. */
function quantize(support: number[], p: number[]): number[] {
  const raw = p.map((x) => x * BIG_N);
  const mass = raw.map(Math.floor);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let r = BIG_N - mass.reduce((s, x) => s + x, 0), i = 0; r > 0; r--, i++) mass[order[i][1]]++;
  // Σ mass·d must be 0: move single key units between d = ±1 and d = 0
  let excess = mass.reduce((s, m, i) => s + m * support[i], 0);
  const at = (d: number) => support.indexOf(d);
  while (excess !== 0) {
    const from = excess > 0 ? at(1) : at(-1);
    mass[from]--;
    mass[at(0)]++;
    excess += excess > 0 ? -1 : 1;
  }
  return mass;
}

function buildRow(count: number): PtableRow {
  if (count === 0) return { count, d: [0], mass: [BIG_N] };
  const support: number[] = [];
  for (let d = Math.max(-count, -MAX_PERTURBATION); d <= MAX_PERTURBATION; d++) support.push(d);
  return { count, d: support, mass: quantize(support, maxEntropy(support, VARIANCE)) };
}

/** The table: rows for counts 0..MAX_PERTURBATION (a larger count uses the last row). */
export const PTABLE: readonly PtableRow[] = Object.freeze(Array.from({ length: MAX_PERTURBATION + 1 }, (_, n) => buildRow(n)));

/**
 * The perturbation of a count whose cell key is `cellKey`.
 * @example perturbation(0, 1234) // 0: zeros stay zero
 * @example perturbation(17, 0) // -3: the lowest key range of a full row gives −D
 */
export function perturbation(count: number, cellKey: number): number {
  if (!Number.isInteger(count) || count < 0) throw new RangeError("a count is a whole number ≥ 0");
  const row = PTABLE[Math.min(count, MAX_PERTURBATION)];
  const key = ((Math.floor(cellKey) % BIG_N) + BIG_N) % BIG_N;
  let upper = 0;
  for (let i = 0; i < row.d.length; i++) {
    upper += row.mass[i];
    if (key < upper) return row.d[i];
  }
  return row.d[row.d.length - 1];
}

/**
 * A count as released: count + its perturbation (never negative).
 * @example perturbCount(0, 99) // 0
 */
export function perturbCount(count: number, cellKey: number): number {
  return count + perturbation(count, cellKey);
}

/**
 * A cell key from the sum of its respondents' record keys (any integer, e.g. a SQL `SUM`).
 * @example cellKeyOf(4097) // 1
 */
export function cellKeyOf(sumOfRecordKeys: number): number {
  return ((sumOfRecordKeys % BIG_N) + BIG_N) % BIG_N;
}

/**
 * Mean, variance and largest |d| of each row, computed from the quantized table itself (what
 * SECURITY.md publishes).
 * @example ptableStats()[3] // { count: 3, mean: 0, variance: ≈2, maxAbs: 3 }
 */
export function ptableStats(): { count: number; mean: number; variance: number; maxAbs: number }[] {
  return PTABLE.map((r) => {
    const mean = r.d.reduce((s, d, i) => s + d * r.mass[i], 0) / BIG_N;
    const variance = r.d.reduce((s, d, i) => s + (d - mean) ** 2 * r.mass[i], 0) / BIG_N;
    return { count: r.count, mean, variance, maxAbs: Math.max(...r.d.filter((_, i) => r.mass[i] > 0).map(Math.abs)) };
  });
}
