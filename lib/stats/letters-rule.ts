/**
 * The one sentence that says what significance letters mean: which test, the two alphas, the
 * multiple-comparison correction and the family it runs over. The screen (breakdown legend,
 * banner legend) and every export (CSV, XLSX, PPTX of breakdowns and banners) print this same
 * text, so a file never states another rule than the screen it came from.
 */
import type { LetterTest } from "./letters";
import type { Correction } from "./multiple-comparisons";

export interface LettersRule {
  test: LetterTest;
  correction: Correction;
  /** upper-case letter below this p; default 0.01 */
  upper?: number;
  /** lower-case letter below this p; default 0.05 */
  lower?: number;
  /** banner: the family is the columns of one group; breakdown: the columns of the table */
  banner?: boolean;
}

export const LETTER_TEST_LABELS: Readonly<Record<LetterTest, string>> = {
  weighted_z: "design-based z test on the weighted estimates (domain linearisation standard errors)",
  svyttest: "design-based t test (svyttest)",
  unweighted: "unweighted two-sample test (pooled z for shares, Welch t for means)",
};

export const CORRECTION_LABELS: Readonly<Record<Correction, string>> = {
  none: "no correction for multiple comparisons",
  holm: "Holm correction for multiple comparisons",
  bonferroni: "Bonferroni correction for multiple comparisons",
};

/** The test, the two alphas and the correction as a short phrase (for a tooltip or a badge). */
export function lettersRuleShort(rule: LettersRule): string {
  return `${rule.test === "unweighted" ? "unweighted test" : "design-based test"}, p < ${rule.upper ?? 0.01} / p < ${rule.lower ?? 0.05}, ${rule.correction === "none" ? "uncorrected" : `${rule.correction === "holm" ? "Holm" : "Bonferroni"}-corrected`}`;
}

/**
 * The full rule in words.
 *
 * @example
 * lettersRule({ test: "weighted_z", correction: "holm" })
 * // "Letters: a column shows the letters of the columns it is significantly higher than — upper case at p < 0.01, lower case at p < 0.05 (two-sided), by a design-based z test on the weighted estimates (domain linearisation standard errors), with Holm correction for multiple comparisons across all pairs of columns of the table."
 */
export function lettersRule(rule: LettersRule): string {
  const family = rule.banner ? "all pairs of columns of the same group, for each answer" : "all pairs of columns of the table";
  const scope = rule.correction === "none" ? CORRECTION_LABELS.none : `${CORRECTION_LABELS[rule.correction]} across ${family}`;
  return (
    `Letters: a column shows the letters of the columns it is significantly higher than${rule.banner ? " in the same group" : ""} — ` +
    `upper case at p < ${rule.upper ?? 0.01}, lower case at p < ${rule.lower ?? 0.05} (two-sided), by a ${LETTER_TEST_LABELS[rule.test]}, with ${scope}.`
  );
}
