/**
 * Multiple-comparison adjustment of a family of p-values, as R's `p.adjust` (Holm 1979,
 * Scandinavian Journal of Statistics 6(2), 65–70; Bonferroni).
 */

export type Correction = "none" | "holm" | "bonferroni";

/**
 * Adjust p-values; nulls (untestable comparisons) stay null and are not counted in the family.
 * @example adjustPValues([0.01, 0.04, null, 0.03], "holm") // [0.03, 0.06, null, 0.06]
 */
export function adjustPValues(p: readonly (number | null)[], method: Correction): (number | null)[] {
  const idx = p.map((v, i) => [v, i] as const).filter((x): x is readonly [number, number] => x[0] !== null);
  const m = idx.length;
  const out: (number | null)[] = p.map(() => null);
  if (method === "none") return [...p];
  if (method === "bonferroni") {
    for (const [v, i] of idx) out[i] = Math.min(1, v * m);
    return out;
  }
  const sorted = [...idx].sort((x, y) => x[0] - y[0]);
  let running = 0;
  sorted.forEach(([v, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * v));
    out[i] = running;
  });
  return out;
}
