import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { CrosstabPlan } from "@/lib/analysis/plan";
import { protectAndRecordIn, protectCrosstab, type ReleaseMeta, type ReleaseStore } from "@/lib/disclosure";
import { forgetDatasetReleases, SqlReleaseStore, type SurveyStore } from "@/lib/store";
import type { Dataset } from "@/lib/schema/dataset";
import { getEnv } from "@/lib/schema/env";
import { AppError } from "@/lib/schema/errors";
import { planCrosstab, runCrosstab, runPlannedCrosstab, runPlannedCrosstabOrEmpty } from "@/lib/services/crosstab";
import { seesExact } from "@/lib/disclosure/audience";
import { exactCrosstab, exactNps } from "@/lib/disclosure/exact";
import { protectNps, type ProtectedNps } from "@/lib/disclosure/protect-nps";
import type { NpsResult } from "@/lib/stats/nps";
import { audienceOf } from "./audience";
// cell-key perturbation (`perturbed` policy, aggregate-only audiences): see lib/disclosure/cell-key
import { isPerturbed } from "@/lib/disclosure/audience";
import { markPerturbed } from "@/lib/disclosure/cell-key/label";
import { runPerturbedCrosstabOrEmpty } from "./perturbed-crosstab";

/**
 * Every viewer's release history (what each has been shown; kept while the dataset exists), in the
 * store's database so that all instances of a deployment guard against the same history.
 */
function releaseStore(store: SurveyStore): ReleaseStore {
  return new SqlReleaseStore(store.app.sql);
}

/** After a dataset is deleted: drop every viewer's release history of it. */
export async function forgetReleasesOf(store: SurveyStore, datasetId: string): Promise<void> {
  await forgetDatasetReleases(store.app.sql, datasetId);
}

/** One history per viewer and workspace. */
export function viewerKeyOf(viewer: Pick<Viewer, "workspaceId" | "userId">): string {
  return `${viewer.workspaceId}/${viewer.userId}`;
}

/** The release in resolved terms (storage columns, raw codes), so two spellings of one filter compare. */
function releaseMeta(dataset: Dataset, plan: CrosstabPlan): ReleaseMeta {
  const outcome =
    plan.outcome.kind === "column" ? `${plan.outcome.column}=${plan.outcomeCategories.join("|")}` : `multi:${plan.outcome.choices.map((c) => c.option).join("|")}`;
  const filters: Record<string, string[]> = {};
  for (const f of plan.filters) {
    if (f.kind === "values") filters[f.column] = [...f.values].sort();
    else filters[`multi:${f.choices.map((c) => (c.layout.layout === "delimited" ? c.layout.column : c.layout.optionColumn)).join(",")}`] = f.choices.map((c) => c.option).sort();
  }
  return {
    datasetVersion: `${dataset.id}@${dataset.version}`,
    outcome,
    statistic: plan.statistic,
    weight: plan.weight?.column ?? null,
    segment: plan.segment.column,
    missingSegment: plan.missingSegment,
    filters,
  };
}

function rulesFor(viewer: Viewer) {
  return { k: getEnv().DISCLOSURE_K, sensitive: false, role: viewer.role };
}

/**
 * The crosstab every user-facing path serves: small cells suppressed ("< k", complements too) and
 * the differencing guard applied against what this viewer has already been shown. A release that
 * would reveal fewer than k respondents by difference is refused.
 */
export async function runProtectedCrosstab(store: SurveyStore, dataset: Dataset, specInput: unknown, viewer: Viewer) {
  const planned = planCrosstab(dataset, specInput, { missing: "declared" });
  const audience = await audienceOf(viewer, dataset.id);
  // respondent access (or an open dataset): exact numbers, low cells flagged, nothing recorded; a
  // population the filters emptied is a 422 (no_rows)
  if (seesExact(audience)) {
    const exact = await runPlannedCrosstab(store, dataset, planned);
    return { ...exactCrosstab(exact, getEnv().DISCLOSURE_K, viewer.role, audience), spec: exact.spec, dataset: exact.dataset };
  }
  // aggregate-only: an empty population answers like a small one (200, every number "< k"), so
  // the status code and the message cannot tell zero from small
  const perturbed = isPerturbed(audience);
  const raw = perturbed ? await runPerturbedCrosstabOrEmpty(store, dataset, planned) : await runPlannedCrosstabOrEmpty(store, dataset, planned);
  const plan = planned.plan;
  const shown = await protectAndRecordIn(releaseStore(store), viewerKeyOf(viewer), raw, rulesFor(viewer), releaseMeta(dataset, plan));
  if (shown.disclosure.blocked) {
    throw new AppError("forbidden", `disclosure: this result and one you already saw differ by fewer than ${shown.disclosure.k} respondents, so it is withheld`, {
      reason: shown.disclosure.reason,
    });
  }
  const released = { ...shown, spec: raw.spec, dataset: raw.dataset };
  return perturbed ? markPerturbed(released) : released;
}

/**
 * An NPS breakdown as the viewer may see it: exact for respondent access or an open dataset, else
 * small-cell protected.
 */
export async function releaseNps<R extends NpsResult>(nps: R, dataset: Dataset, viewer: Viewer): Promise<ProtectedNps<R>> {
  return seesExact(await audienceOf(viewer, dataset.id)) ? exactNps(nps) : protectNps(nps, getEnv().DISCLOSURE_K);
}

/** Small-cell suppression without recording (scans that only rank and link to breakdowns). */
export async function runSuppressedCrosstab(store: SurveyStore, dataset: Dataset, specInput: unknown, viewer: Viewer) {
  const audience = await audienceOf(viewer, dataset.id);
  if (seesExact(audience)) {
    const exact = await runCrosstab(store, dataset, specInput);
    return { ...exactCrosstab(exact, getEnv().DISCLOSURE_K, viewer.role, audience), spec: exact.spec, dataset: exact.dataset };
  }
  const planned = planCrosstab(dataset, specInput, { missing: "declared" });
  const raw = isPerturbed(audience) ? await runPerturbedCrosstabOrEmpty(store, dataset, planned) : await runPlannedCrosstabOrEmpty(store, dataset, planned);
  const released = { ...protectCrosstab(raw, rulesFor(viewer)), spec: raw.spec, dataset: raw.dataset };
  return isPerturbed(audience) ? markPerturbed(released) : released;
}
