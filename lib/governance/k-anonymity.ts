/**
 * k-anonymity on quasi-identifiers by local suppression (sdcMicro `localSuppression`-like).
 *
 * Guarantee (strict, "literal" semantics): after `suppressToK(rows, qi, k)`, every row either has
 * ALL its quasi-identifier cells suppressed, or its exact quasi-identifier pattern — the suppression
 * marker `*` counted as a value of its own, an empty cell (null) as a value of its own — occurs in at
 * least k rows. This is stronger than sdcMicro's, which lets a suppressed value match any value
 * (so a masked pattern may reach k only through rows that differ from it).
 *
 * Algorithm (greedy; optimal local suppression is NP-hard): group the rows by pattern; in rounds,
 * take the groups under k smallest first and, unless an earlier merge already lifted it to k,
 * suppress in all the group's rows the one not yet suppressed quasi-identifier whose suppression
 * lands it in the largest existing group (ties: the column with the most distinct values, i.e. the
 * most identifying), merging the two. A group of k or more never changes or shrinks, and a group
 * under k gains one suppression per round, so at most (number of quasi-identifiers) rounds run. A
 * value that is genuinely "*" in the data is indistinguishable from a suppression in the output and
 * is counted the same way.
 */

/** What a suppressed cell is replaced with in the export. */
export const SUPPRESSED = "*";

export interface SuppressionReport {
  /** the rows with suppressed cells replaced by SUPPRESSED (a copy; the input is not modified) */
  rows: (string | null)[][];
  /** suppressed cells in total */
  suppressed: number;
  /** rows with at least one suppressed cell */
  rowsAffected: number;
  /** suppressed cells per quasi-identifier column index */
  perColumn: Record<number, number>;
}

const SEP = "\u0000";
const key = (row: readonly (string | null)[], qi: readonly number[]) => qi.map((j) => (row[j] === null ? "\u0001" : row[j])).join(SEP);

/**
 * Suppress the fewest quasi-identifier cells the greedy rule finds so that every quasi-identifier
 * combination occurs in at least `k` rows (or is fully suppressed).
 *
 * @example
 * suppressToK([["a", "x"], ["a", "x"], ["b", "x"]], [0], 2).rows // [["a","x"],["a","x"],["*","x"]]
 */
export function suppressToK(input: readonly (readonly (string | null)[])[], qi: readonly number[], k: number): SuppressionReport {
  const rows = input.map((r) => [...r]);
  const perColumn: Record<number, number> = Object.fromEntries(qi.map((j) => [j, 0]));
  if (qi.length === 0 || k <= 1) return { rows, suppressed: 0, rowsAffected: 0, perColumn };
  const distinct = new Map(qi.map((j) => [j, new Set(rows.map((r) => r[j])).size]));
  const affected = new Set<number>();
  let suppressed = 0;
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const g = groups.get(key(r, qi));
    if (g) g.push(i);
    else groups.set(key(r, qi), [i]);
  });
  const isSmall = (g: number[]) => g.length < k && qi.some((j) => rows[g[0]][j] !== SUPPRESSED);
  for (let round = 0; round <= qi.length; round++) {
    // smallest first, so a small group can be absorbed by another before that one is suppressed too
    const small = [...groups.entries()].filter(([, g]) => isSmall(g)).sort((a, b) => a[1].length - b[1].length);
    if (small.length === 0) break;
    for (const [k0] of small) {
      const g = groups.get(k0);
      if (!g || !isSmall(g)) continue; // grown past k by an earlier merge this round
      const pattern = rows[g[0]];
      let best = -1;
      let bestScore = -1;
      let bestDistinct = -1;
      for (const j of qi) {
        if (pattern[j] === SUPPRESSED) continue;
        const landing = groups.get(key(pattern.map((v, c) => (c === j ? SUPPRESSED : v)), qi))?.length ?? 0;
        const d = distinct.get(j) ?? 0;
        if (landing > bestScore || (landing === bestScore && d > bestDistinct)) [best, bestScore, bestDistinct] = [j, landing, d];
      }
      for (const i of g) {
        rows[i][best] = SUPPRESSED;
        affected.add(i);
      }
      suppressed += g.length;
      perColumn[best] += g.length;
      groups.delete(k0);
      const k1 = key(rows[g[0]], qi);
      const target = groups.get(k1);
      if (target) target.push(...g);
      else groups.set(k1, g);
    }
  }
  return { rows, suppressed, rowsAffected: affected.size, perColumn };
}

/**
 * Whether `rows` satisfy the guarantee above (the property the tests check).
 *
 * @example
 * isKAnonymous([["*"], ["a"], ["a"]], [0], 2) // true: "*" is fully suppressed, "a" occurs twice
 */
export function isKAnonymous(rows: readonly (readonly (string | null)[])[], qi: readonly number[], k: number): boolean {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(key(r, qi), (counts.get(key(r, qi)) ?? 0) + 1);
  return rows.every((r) => qi.every((j) => r[j] === SUPPRESSED) || (counts.get(key(r, qi)) ?? 0) >= k);
}
