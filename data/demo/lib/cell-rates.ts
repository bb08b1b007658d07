/**
 * Yes-rates for a two-way table of cells (rows × columns) so that expected Yes counts hit both
 * the row totals and the column totals: p[r][c] = logistic(a[r] + b[c]), fitted by alternating
 * one-dimensional bisection (logit raking). Totals must be consistent (same grand total).
 *
 * @example
 * fitCellRates([[50, 50], [50, 50]], [40, 60], [45, 55]); // 2×2 rates in (0, 1)
 */
export function fitCellRates(n: readonly (readonly number[])[], rowTotals: readonly number[], colTotals: readonly number[]): number[][] {
  const a = rowTotals.map(() => 0);
  const b = colTotals.map(() => 0);
  const p = (r: number, c: number) => 1 / (1 + Math.exp(-(a[r] + b[c])));
  const solve = (expected: (x: number) => number, target: number) => {
    let lo = -20;
    let hi = 20;
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (expected(mid) < target) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  for (let iter = 0; iter < 200; iter++) {
    rowTotals.forEach((t, r) => {
      a[r] = solve((x) => n[r].reduce((s, nrc, c) => s + nrc / (1 + Math.exp(-(x + b[c]))), 0), t);
    });
    colTotals.forEach((t, c) => {
      b[c] = solve((x) => n.reduce((s, row, r) => s + row[c] / (1 + Math.exp(-(a[r] + x))), 0), t);
    });
  }
  return n.map((row, r) => row.map((_, c) => p(r, c)));
}
