import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { protectCrosstab, type ProtectedCrosstab } from "@/lib/disclosure";
import { withheldCrosstab } from "@/lib/disclosure/protect-crosstab";
import { crosstabPopulations, npsPopulations } from "@/lib/disclosure/released-populations";
import { forgetDatasetReleases, type SurveyStore } from "@/lib/store";
import type { Dataset } from "@/lib/schema/dataset";
import { getEnv } from "@/lib/schema/env";
import { planCrosstab, runCrosstab, runPlannedCrosstab, runPlannedCrosstabOrEmpty } from "@/lib/services/crosstab";
import { seesExact } from "@/lib/disclosure/audience";
import { exactCrosstab, exactNps } from "@/lib/disclosure/exact";
import { protectNps, type ProtectedNps } from "@/lib/disclosure/protect-nps";
import { npsScore, type NpsResult } from "@/lib/stats/nps";
import { audienceOf } from "./audience";
import { npsOrigin } from "./nps-origin";
import { admitPopulations, differencingRefusal, type GuardOptions } from "./population-guard";
// cell-key perturbation (`perturbed` policy, aggregate-only audiences): see lib/disclosure/cell-key
import { isPerturbed } from "@/lib/disclosure/audience";
import { markPerturbed } from "@/lib/disclosure/cell-key/label";
import { runPerturbedCrosstabOrEmpty } from "./perturbed-crosstab";

export { viewerKeyOf } from "./population-guard";
export type { GuardOptions } from "./population-guard";

/** After a dataset is deleted: drop every viewer's release history of it. */
export async function forgetReleasesOf(store: SurveyStore, datasetId: string): Promise<void> {
  await forgetDatasetReleases(store.app.sql, datasetId);
}

function rulesFor(viewer: Viewer) {
  return { k: getEnv().DISCLOSURE_K, sensitive: false, role: viewer.role };
}

/**
 * A protected crosstab for an aggregate-only audience: small cells and complements hidden, then
 * the populations it would release audited against everything this viewer was shown of the
 * dataset (`admitPopulations`). A refused release throws (`onRefusal: "throw"`) or comes back
 * fully hidden (`"hide"`, for banner rows and scans).
 */
async function guardedCrosstab(store: SurveyStore, dataset: Dataset, specInput: unknown, viewer: Viewer, onRefusal: "throw" | "hide", options: GuardOptions) {
  const planned = planCrosstab(dataset, specInput, { missing: "declared" });
  const audience = await audienceOf(viewer, dataset.id);
  const perturbed = isPerturbed(audience);
  // an empty population answers like a small one (200, every number "< k"), so the status code
  // and the message cannot tell zero from small
  const raw = perturbed ? await runPerturbedCrosstabOrEmpty(store, dataset, planned) : await runPlannedCrosstabOrEmpty(store, dataset, planned);
  const rules = rulesFor(viewer);
  let shown: ProtectedCrosstab = protectCrosstab(raw, rules, { switches: { smallCells: options.smallCells, complements: options.complements } });
  const admitted = await admitPopulations(store, dataset, viewer, planned.plan, (m) => crosstabPopulations(shown, m), rules.k, options);
  if (!admitted) {
    if (onRefusal === "throw") throw differencingRefusal(rules.k);
    shown = withheldCrosstab(shown, ["differencing"]);
  }
  const released = { ...shown, spec: raw.spec, dataset: raw.dataset };
  return perturbed ? markPerturbed(released) : released;
}

/**
 * The crosstab every user-facing path serves. Respondent access (or an open dataset): exact
 * numbers, low cells flagged, nothing recorded; an empty population is a 422 (no_rows).
 * Aggregate-only: small cells suppressed ("< k", complements too) and the differencing audit on
 * populations: a release that would single out 1..k−1 respondents together with anything this
 * viewer already saw of the dataset is refused (403). `options` are test-only switches.
 */
export async function runProtectedCrosstab(store: SurveyStore, dataset: Dataset, specInput: unknown, viewer: Viewer, options: GuardOptions = {}) {
  const audience = await audienceOf(viewer, dataset.id);
  if (seesExact(audience)) {
    const exact = await runPlannedCrosstab(store, dataset, planCrosstab(dataset, specInput, { missing: "declared" }));
    return { ...exactCrosstab(exact, getEnv().DISCLOSURE_K, viewer.role, audience), spec: exact.spec, dataset: exact.dataset };
  }
  return guardedCrosstab(store, dataset, specInput, viewer, "throw", options);
}

/**
 * `runProtectedCrosstab` for one row of a banner: a release the audit refuses comes back fully
 * hidden instead of failing the whole banner.
 */
export async function runBannerCrosstab(store: SurveyStore, dataset: Dataset, specInput: unknown, viewer: Viewer, options: GuardOptions = {}) {
  const audience = await audienceOf(viewer, dataset.id);
  if (seesExact(audience)) return runProtectedCrosstab(store, dataset, specInput, viewer, options);
  return guardedCrosstab(store, dataset, specInput, viewer, "hide", options);
}

/**
 * An NPS breakdown as the viewer may see it: exact for respondent access or an open dataset, else
 * small-cell protected and its populations (each block's respondents, promoters, passives and
 * detractors) audited and recorded like a crosstab's; a refused release throws 403.
 */
export async function releaseNps<R extends NpsResult>(nps: R, dataset: Dataset, viewer: Viewer, options: GuardOptions = {}): Promise<ProtectedNps<R>> {
  if (seesExact(await audienceOf(viewer, dataset.id))) return exactNps(nps);
  const k = getEnv().DISCLOSURE_K;
  const shown = protectNps(nps, k);
  const origin = npsOrigin(nps);
  // a result that did not come from runNps cannot be audited: refuse rather than release unaudited
  if (!origin) throw differencingRefusal(k);
  const admitted = await admitPopulations(origin.store, dataset, viewer, origin.plan, (m) => npsPopulations(shown as never, m, npsScore), k, options);
  if (!admitted) throw differencingRefusal(k);
  return shown;
}

/**
 * Small-cell suppression for scans that rank segments (insights): the shown numbers are audited
 * and recorded like any release; one the audit refuses comes back fully hidden (the scan skips it).
 */
export async function runSuppressedCrosstab(store: SurveyStore, dataset: Dataset, specInput: unknown, viewer: Viewer, options: GuardOptions = {}) {
  const audience = await audienceOf(viewer, dataset.id);
  if (seesExact(audience)) {
    const exact = await runCrosstab(store, dataset, specInput);
    return { ...exactCrosstab(exact, getEnv().DISCLOSURE_K, viewer.role, audience), spec: exact.spec, dataset: exact.dataset };
  }
  return guardedCrosstab(store, dataset, specInput, viewer, "hide", options);
}


