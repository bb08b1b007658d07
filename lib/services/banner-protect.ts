/**
 * Small-cell protection ACROSS the rows of a banner column. Each row of a banner is its own
 * protected crosstab (lib/disclosure hides small cells and their complements within the row), but
 * the rows of one column can be added up: for a single-choice outcome the option counts of a
 * column sum to its base, and a NET is the sum of its options. So, per column:
 * 1. with the base shown, base − Σ shown option counts must not be 1..k−1 (0 too when sensitive
 *    and something is hidden): while it is, the smallest shown non-zero option is hidden as well;
 * 2. a NET whose options are not all shown is hidden (NET − shown option = the hidden one).
 */
export interface ColumnCell {
  /** respondents choosing the answer; null when already hidden */
  count: number | null;
  hidden: boolean;
}

/**
 * Hide further option cells of one column until the hidden ones cannot be recovered from the base.
 * Returns the indices to hide (in addition to those already hidden). `exclusive`: the options are
 * mutually exclusive (single choice, scale), so they add up to the base.
 * @example
 * secondaryHides(23, [{ count: 3, hidden: true }, { count: 10, hidden: false }, { count: 10, hidden: false }], { k: 5, sensitive: false })
 * // [1]: 23 − 10 − 10 would give the hidden 3 away
 */
export function secondaryHides(base: number | null, cells: ColumnCell[], rules: { k: number; sensitive: boolean }): number[] {
  if (base === null) return [];
  const hidden = cells.map((c) => c.hidden || c.count === null);
  const out: number[] = [];
  for (;;) {
    const shownSum = cells.reduce((s, c, i) => s + (hidden[i] ? 0 : (c.count ?? 0)), 0);
    const residual = base - shownSum;
    const anyHidden = hidden.some(Boolean);
    const disclosive = residual < rules.k && (residual > 0 || (rules.sensitive && anyHidden));
    // with nothing hidden, a residual is answers outside the option list, not a hidden cell
    if (!anyHidden || !disclosive) return out;
    let pick = -1;
    cells.forEach((c, i) => {
      if (hidden[i] || c.count === null) return;
      if (c.count <= 0 && !rules.sensitive) return;
      if (pick < 0 || c.count < (cells[pick].count ?? 0)) pick = i;
    });
    if (pick < 0) return out;
    hidden[pick] = true;
    out.push(pick);
  }
}

/**
 * Whether any option a NET counts is hidden in this column (then the NET must be hidden too).
 * @example netMustHide(["4", "5"], new Set(["5"])) // true
 */
export function netMustHide(codes: string[], hiddenCodes: ReadonlySet<string>): boolean {
  return codes.some((c) => hiddenCodes.has(c));
}
