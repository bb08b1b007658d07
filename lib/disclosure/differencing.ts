/**
 * Differencing guard (research note C32): two shown results A ⊇ B over the same data reveal the
 * respondents in A \ B. If A \ B has 1..k−1 people, subtracting gives away a small cell, e.g.
 * "Legal" (n = 6, mean 3.5) next to "Legal ∧ tenure 1-5y" (n = 5, mean 4.0) shows the lone
 * 5y+ person scored 1.
 *
 * Rule: cells are compared only within one dataset version and one analysis (outcome, statistic,
 * weight), across every earlier release of this viewer and within the candidate itself. Two cells
 * are nested when one predicate implies the other (every column of the wider one is constrained
 * in the narrower one to a subset of its values). For a nested pair with n_wide ≠ n_narrow the
 * release is blocked when the difference group A \ B is small: its n is 1..k−1, or (both counts
 * shown) its category count or complement is 1..k−1 (or 0, when sensitive).
 *
 * Residual risk: unions and chains of three or more releases (A − B − C), and attacks across
 * dataset versions or analyses, are not audited (see NISS table servers).
 */
import type { DisclosureRules, FilterSet } from "@/lib/schema/disclosure";
import type { ReleasedAggregate, ReleasedCell } from "./release";
import { isDisclosiveDifference, isSmallCount, suppressedLabel } from "./rules";

/** One pair of cells whose difference would reveal a small group (no numbers, by design). */
export interface DifferencingConflict {
  /** filter key of the earlier release (the candidate's own when within it) */
  releasedFilterKey: string;
  releasedCell: string;
  candidateCell: string;
  /** which difference is small: respondents, category count or its complement */
  what: "n" | "count" | "complement";
}

export type DifferencingVerdict =
  | { allowed: true; conflicts: [] }
  | { allowed: false; conflicts: DifferencingConflict[]; reason: string[] };

type Rules = Pick<DisclosureRules, "k" | "sensitive">;

/**
 * Whether every respondent matching `narrow` also matches `wide` (sufficient test: each column
 * `wide` constrains is constrained in `narrow` to a subset of its values).
 * @example isSubsetPredicate({ dept: ["Legal"], tenure: ["1-5y"] }, { dept: ["Legal"] }) // true
 */
export function isSubsetPredicate(narrow: FilterSet, wide: FilterSet): boolean {
  return Object.entries(wide).every(([col, values]) => narrow[col] !== undefined && narrow[col].every((v) => values.includes(v)));
}

function pairConflict(x: ReleasedCell, y: ReleasedCell, rules: Rules): DifferencingConflict["what"] | null {
  let wide: ReleasedCell;
  let narrow: ReleasedCell;
  if (isSubsetPredicate(x.predicate, y.predicate)) [wide, narrow] = [y, x];
  else if (isSubsetPredicate(y.predicate, x.predicate)) [wide, narrow] = [x, y];
  else return null;
  const dn = Math.abs(wide.n - narrow.n);
  if (dn === 0) return null;
  if (isDisclosiveDifference(wide.n, narrow.n, rules.k)) return "n";
  if (wide.count === null || narrow.count === null) return null;
  const dc = Math.abs(wide.count - narrow.count);
  if (isSmallCount(dc, rules)) return "count";
  if (isSmallCount(Math.abs(dn - dc), rules)) return "complement";
  return null;
}

/**
 * Check a candidate release against the viewer's earlier releases (pure).
 * @param rules k, or k and `sensitive` (then a difference group with 0 in the category is small too)
 * @example
 * checkDifferencing([legalOverall], legalOneToFiveYears, 5).allowed // false
 */
export function checkDifferencing(history: readonly ReleasedAggregate[], candidate: ReleasedAggregate, rules: number | Rules): DifferencingVerdict {
  const r: Rules = typeof rules === "number" ? { k: rules, sensitive: false } : rules;
  const conflicts: DifferencingConflict[] = [];
  const compare = (earlier: ReleasedAggregate, cells: readonly ReleasedCell[], self: boolean) => {
    earlier.cells.forEach((e, i) =>
      cells.forEach((c, j) => {
        if (self && j <= i) return;
        const what = pairConflict(e, c, r);
        if (what !== null) conflicts.push({ releasedFilterKey: earlier.filterKey, releasedCell: e.label, candidateCell: c.label, what });
      }),
    );
  };
  compare(candidate, candidate.cells, true);
  for (const h of history) {
    if (h.datasetVersion === candidate.datasetVersion && h.analysisKey === candidate.analysisKey) compare(h, candidate.cells, false);
  }
  if (conflicts.length === 0) return { allowed: true, conflicts: [] };
  const label = suppressedLabel(r.k);
  const reason = conflicts.map(
    (c) => `differencing: ${c.candidateCell} and ${c.releasedCell} of ${c.releasedFilterKey} differ by ${label} in ${c.what}`,
  );
  return { allowed: false, conflicts, reason: [...new Set(reason)] };
}
