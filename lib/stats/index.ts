/**
 * Survey statistics engine: everything derived from per-cell sufficient statistics, matching R's
 * `survey` package on the golden cases (test/fixtures/golden). Pure functions, no I/O.
 */
export { computeCrosstab } from "./crosstab";
export { assignLetters, columnLetter } from "./letters";
export type { ColumnLetters, LetterExplanation, LetterOptions, LetterTest } from "./letters";
export { adjustPValues } from "./multiple-comparisons";
export type { Correction } from "./multiple-comparisons";
export { lowBaseFlags, isLowBase, DEFAULT_MIN_EFFECTIVE_N } from "./low-base";
export type { LowBaseFlag } from "./low-base";
export { computeNps, npsScore } from "./nps";
export type { NpsBlock, NpsResult } from "./nps";
export { toRScript } from "./r-script";
export { designScale, domainSe } from "./domain-se";
export * as distributions from "./distributions";
export type {
  CrosstabResult,
  ProportionCrosstabResult,
  MeanCrosstabResult,
} from "@/lib/schema/crosstab-result";
