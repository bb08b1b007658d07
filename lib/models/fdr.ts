/**
 * False discovery rate control for auto-insights: Benjamini–Hochberg adjusted p-values with the
 * semantics of R's `p.adjust(p, method = "BH")` (Benjamini & Hochberg 1995, JRSS B 57(1),
 * 289–300), and the selection of "findings" at a target FDR q.
 *
 *   p̃_(i) = min_{k ≥ i} min(1, m/k · p_(k))     for the sorted p-values p_(1) ≤ … ≤ p_(m)
 *
 * A test is a finding when p̃ ≤ q, which is exactly BH's step-up rule "reject H_(1..k) for the
 * largest k with p_(k) ≤ k·q/m". Untestable entries (null / NaN) stay null and are not counted in
 * m, as `p.adjust` does with NA.
 */

/**
 * Benjamini–Hochberg adjusted p-values, in input order.
 *
 * @example
 * adjustBH([0.01, 0.04, 0.03, 0.005]) // [0.02, 0.04, 0.04, 0.02]
 * adjustBH([0.02, null, 0.5]) // [0.04, null, 0.5]
 */
export function adjustBH(p: readonly (number | null)[]): (number | null)[] {
  const idx: number[] = [];
  p.forEach((v, i) => {
    if (v === null || Number.isNaN(v)) return;
    if (v < 0 || v > 1) throw new RangeError(`p-value outside [0, 1]: ${v}`);
    idx.push(i);
  });
  const m = idx.length;
  const out: (number | null)[] = p.map(() => null);
  // stable sort by p ascending; ties end up with the same adjusted value through the running min
  const sorted = [...idx].sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const i = sorted[k];
    running = Math.min(running, (m / (k + 1)) * (p[i] as number));
    out[i] = running;
  }
  return out;
}

/** A test to screen, e.g. a segment-vs-rest comparison or a driver coefficient. */
export interface FdrTest {
  /** two-sided p-value; null when the test could not be done */
  p: number | null;
}

/** A screened test with its BH q-value and whether it is declared a finding. */
export type Screened<T extends FdrTest> = T & {
  /** BH-adjusted p-value (null when p is null) */
  q_value: number | null;
  finding: boolean;
};

/**
 * Screen a family of tests at FDR level q (default 0.05): each test gets its BH q-value and
 * `finding = q_value ≤ q`. Input order is kept.
 *
 * @example
 * selectFindings([{ id: "a", p: 0.001 }, { id: "b", p: 0.04 }, { id: "c", p: 0.3 }], 0.05)
 *   .filter((t) => t.finding).map((t) => t.id) // ["a"]
 */
export function selectFindings<T extends FdrTest>(tests: readonly T[], q = 0.05): Screened<T>[] {
  if (!(q > 0 && q < 1)) throw new RangeError(`fdr level outside (0, 1): ${q}`);
  const adjusted = adjustBH(tests.map((t) => t.p));
  return tests.map((t, i) => {
    const q_value = adjusted[i];
    return { ...t, q_value, finding: q_value !== null && q_value <= q };
  });
}
