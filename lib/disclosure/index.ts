/**
 * Disclosure control: the one server-side gate between a computed result and anything a viewer
 * sees (API JSON, tables, charts, tooltips, exports).
 *
 * @example
 * const store = new SqlReleaseStore(identity.sql); // every viewer's releases, shared by all instances
 * const shown = await protectAndRecordIn(store, viewerKey, computeCrosstab(input), workspace.disclosure, releaseMetaFromSpec(version, spec));
 * if (shown.disclosure.blocked) throw new AppError("forbidden", "differencing: too similar to an earlier result");
 * return json({ ...shown, spec, dataset: { id, version } });
 */
export { protectCrosstab } from "./protect-crosstab";
export type { EmptyCrosstab, ProtectContext } from "./protect-crosstab";
export { planSuppression } from "./suppression-plan";
export type { CellDecision, PlanCell, SuppressionPlan, SuppressionWhy } from "./suppression-plan";
export { checkDifferencing, isSubsetPredicate } from "./differencing";
export type { DifferencingConflict, DifferencingVerdict } from "./differencing";
export { ReleaseHistory } from "./history";
export { MemoryReleaseStore, protectAndRecordIn } from "./release-store";
export type { ReleaseDecision, ReleaseScope, ReleaseStore } from "./release-store";
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
export { protectWeightingReport } from "./protect-weighting-report";
export type { ProtectedWeightingReport } from "./protect-weighting-report";
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
