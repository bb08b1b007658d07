/**
 * Disclosure control: the one server-side gate between a computed result and anything a viewer
 * sees (API JSON, tables, charts, tooltips, exports).
 *
 * Differencing is judged on populations (`population-audit.ts`, history per viewer and dataset in
 * `SqlPopulationStore`); `lib/services/protected-crosstab.ts` wires both into every route.
 *
 * @example
 * const shown = protectCrosstab(computeCrosstab(input), { k: 5 });
 * const verdict = auditPopulations(released, crosstabPopulations(shown, memberships), { k: 5 });
 * if (!verdict.allowed) throw new AppError("forbidden", "disclosure: … withheld");
 */
export { protectCrosstab } from "./protect-crosstab";
export type { EmptyCrosstab, ProtectContext } from "./protect-crosstab";
export { planSuppression } from "./suppression-plan";
export type { CellDecision, PlanCell, SuppressionPlan, SuppressionWhy } from "./suppression-plan";
export { checkDifferencing, isSubsetPredicate } from "./differencing";
export type { DifferencingConflict, DifferencingVerdict } from "./differencing";
export { ReleaseHistory } from "./history";
export { auditPopulations } from "./population-audit";
export type { AuditOptions, AuditSwitches, AuditVerdict } from "./population-audit";
export { populationOf } from "./population";
export type { Population } from "./population";
export { MemoryPopulationStore } from "./population-history";
export type { PopulationDecision, PopulationHistoryStore } from "./population-history";
export { crosstabPopulations, npsPopulations } from "./released-populations";
export type { RowMemberships } from "./released-populations";
export { analysisKeyOf, canonicalFilterKey, canonicalFilters, releaseMetaFromSpec, releaseOf } from "./release";
export type { ReleasedAggregate, ReleasedCell, ReleaseMeta } from "./release";
export {
  COMPLEMENT_LABEL,
  COMPLEMENT_NOTE,
  DEFAULT_DISCLOSURE_RULES,
  hiddenFootnotes,
  hiddenTitle,
  isDisclosiveDifference,
  isSmallCount,
  resolveDisclosureRules,
  restSmallLabel,
  suppressedLabel,
} from "./rules";
export { determinedUnknowns } from "./linear-audit";
export { checkCellSums, checkMagnitude, DEFAULT_MAGNITUDE_RULES, dominated, kishEffectiveBase, pPercentFails } from "./magnitude";
export type { MagnitudeCell, MagnitudeReason, MagnitudeRules, MagnitudeVerdict } from "./magnitude";
export type { LinearEquation } from "./linear-audit";
export type { DisclosureRole, DisclosureRules, DisclosureRulesInput } from "./rules";
export type {
  DisclosureSummary,
  ProtectedBlockBase,
  ProtectedChisq,
  ProtectedCrosstab,
  ProtectedMeanBlock,
  ProtectedMeanCrosstab,
  ProtectedProportionBlock,
  ProtectedProportionCrosstab,
  ProtectedRows,
} from "./types";
export { disclosureRulesSchema, DEFAULT_DISCLOSURE_K, MIN_DISCLOSURE_K } from "@/lib/schema/disclosure";
