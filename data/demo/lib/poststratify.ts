/** A population target for one weighting cell (shares over all cells add up to 1). */
export interface CellTarget {
  /** the value of each weighting variable, in the order of `variables` */
  levels: readonly string[];
  share: number;
}

/**
 * Post-stratification weights: each respondent in cell c gets target_share(c) × n / n(c), so
 * weights sum to n (mean 1) and the weighted cell mix equals the target. Throws when a target
 * cell has no respondents or a respondent falls in no target cell.
 *
 * @example
 * poststratify([{ s: "a" }, { s: "b" }, { s: "b" }], ["s"], [
 *   { levels: ["a"], share: 0.5 }, { levels: ["b"], share: 0.5 },
 * ]); // [1.5, 0.75, 0.75]
 */
export function poststratify(
  rows: readonly Record<string, string>[],
  variables: readonly string[],
  targets: readonly CellTarget[],
): number[] {
  const key = (levels: readonly string[]) => levels.join("\u0000");
  const total = targets.reduce((a, t) => a + t.share, 0);
  if (Math.abs(total - 1) > 1e-9) throw new Error(`target shares add up to ${total}, not 1`);
  const counts = new Map<string, number>();
  for (const row of rows) {
    const k = key(variables.map((v) => row[v]));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const factor = new Map<string, number>();
  for (const t of targets) {
    const n = counts.get(key(t.levels)) ?? 0;
    if (n === 0) throw new Error(`empty weighting cell: ${t.levels.join(" × ")}`);
    factor.set(key(t.levels), (t.share * rows.length) / n);
  }
  return rows.map((row) => {
    const f = factor.get(key(variables.map((v) => row[v])));
    if (f === undefined) throw new Error(`respondent outside the weighting targets: ${variables.map((v) => row[v]).join(" × ")}`);
    return f;
  });
}

/**
 * Crosses per-variable shares into cell targets (independence), e.g. country share × size share.
 *
 * @example
 * crossTargets({ US: 0.6, UK: 0.4 }, { small: 0.5, large: 0.5 }); // 4 cells, shares 0.3/0.3/0.2/0.2
 */
export function crossTargets(first: Record<string, number>, second: Record<string, number>): CellTarget[] {
  const out: CellTarget[] = [];
  for (const [a, sa] of Object.entries(first)) {
    for (const [b, sb] of Object.entries(second)) out.push({ levels: [a, b], share: sa * sb });
  }
  return out;
}
