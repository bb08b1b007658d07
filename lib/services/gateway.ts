import "server-only";
/**
 * The disclosure gateway (server side): the only place results derived from respondent rows
 * become `Released<T>`, the one type the response helpers (`respondReleased`, `sendReleased`,
 * `pageProps`) serialise. Each function resolves the caller's audience for the dataset and applies
 * its rules: exact numbers (low cells flagged) for respondent access or an open dataset; for an
 * aggregate-only audience small cells, complements and the differencing guard (lib/disclosure),
 * chi-square withheld beside hidden cells, the magnitude rules on means, model rules on drivers,
 * protected weighting reports and question models, and errors without numbers.
 *
 * Exports, dashboards and pages: `gateway-files.ts` and `gateway-pages.ts`.
 */
import type { Viewer } from "@/lib/auth/viewer";
import { resolveRequestWeight, usableDefaultWeight, type RequestWeighting } from "@/lib/analysis/default-weight";
import { audienceFor as audienceForViewer, isPerturbed, seesExact, type Audience } from "@/lib/disclosure/audience";
import { markPerturbed } from "@/lib/disclosure/cell-key/label";
import { seal, type Released, type ReleasedFile } from "@/lib/disclosure/gateway";
import { DEFAULT_MAGNITUDE_RULES, type MagnitudeRules } from "@/lib/disclosure/magnitude";
import { applyMagnitude, magnitudeFailures, withholdChisq, type CellContributions, type CrosstabContributions } from "@/lib/disclosure/protect-magnitude";
import { checkModelRows } from "@/lib/disclosure/protect-model";
import { protectQuestion } from "@/lib/disclosure/question-model";
import { modelPopulations } from "@/lib/disclosure/released-populations";
import type { ProtectedCrosstab } from "@/lib/disclosure/types";
import type { BannerResult } from "@/lib/schema/banner";
import type { Dataset, ProtectedDataset, ProtectedQuestion, DatasetSummary } from "@/lib/schema/dataset";
import { getEnv } from "@/lib/schema/env";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import type { WeightingReport } from "@/lib/schema/weighting";
import type { DriversReport } from "@/lib/insights/types";
import { ensureCellKeySecret, getStore, type SurveyStore } from "@/lib/store";
import { aggregateQuestionModel } from "./column-governance";
import { applyWeighting } from "./apply-weighting";
import { audienceOf } from "./audience";
import { runProtectedBanner } from "./banner-server";
import { compareDatasetToBenchmark } from "./benchmark-compare";
import { planCrosstab, runNps, runPlannedCrosstabOrEmpty } from "./crosstab";
import { protectCrosstab } from "@/lib/disclosure/protect-crosstab";
import type { DisclosureRules } from "@/lib/disclosure/rules";
import { deriveVariable } from "./derive-variable";
import { driversForDataset } from "./drivers-for-dataset";
import { admitPopulationList, differencingRefusal } from "./population-guard";
import { releaseNps, runProtectedCrosstab, runSuppressedCrosstab } from "./protected-crosstab";

export type { Released } from "@/lib/disclosure/gateway";
export { audienceForViewer };

/** The magnitude rules of a deployment: the defaults, with the minimum n and effective base at k. */
export function magnitudeRules(): MagnitudeRules {
  const k = getEnv().DISCLOSURE_K;
  return { ...DEFAULT_MAGNITUDE_RULES, minN: k, minEffectiveBase: k };
}

const k = () => getEnv().DISCLOSURE_K;

/** Numbers out of an error's text (ids such as q1 keep their digits); rule prefixes stay whole. */
export function scrubErrorText(message: string): string {
  if (message.startsWith("disclosure:")) return message;
  return message.replace(/\(.*?\)/g, "").replace(/(^|[^\w.])-?\d+(?:[.,]\d+)*(?![\w])/g, "$1…").replace(/\s+/g, " ").trim();
}

/**
 * Run `fn` for `audience`: an aggregate-only audience's errors lose every number (counts, row
 * numbers, values), so "too few cases: 2 rows" reads "too few cases: … rows".
 */
export async function gated<T>(audience: Audience, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!seesExact(audience) && err instanceof Error) {
      err.message = scrubErrorText(err.message);
      if (err instanceof AppError && err.details && typeof err.details === "object") {
        const d = err.details as Record<string, unknown>;
        for (const key of Object.keys(d)) if (typeof d[key] === "number" || key === "row" || key === "rows" || key === "values") delete d[key];
      }
    }
    throw err;
  }
}

type CrosstabAnswer = Awaited<ReturnType<typeof runProtectedCrosstab>> & { weighting: RequestWeighting };

/**
 * A crosstab or banner request with the dataset's default weight applied unless it names a weight
 * or says `unweighted` (lib/analysis/default-weight.ts), and which weight that is.
 * @example requestWeight(dataset, { outcome: "q1", segment: "region" }).weighting // { weight: "wt", source: "default" }
 */
export function requestWeight(dataset: Dataset, spec: unknown) {
  return resolveRequestWeight(spec, usableDefaultWeight(dataset.defaultWeight?.question, dataset.questions));
}

/** The magnitude rules over a mean crosstab's cells (one pass over the model's rows, cached). */
async function meanContributions(store: SurveyStore, dataset: Dataset, spec: unknown): Promise<CrosstabContributions | null> {
  const { plan } = planCrosstab(dataset, spec, { missing: "declared" });
  if (plan.statistic !== "mean" || plan.outcome.kind !== "column") return null;
  const cols = [plan.outcome.column, plan.segment.column, ...(plan.weight ? [plan.weight.column] : [])];
  const key = JSON.stringify([dataset.id, dataset.version, cols, plan.filters, plan.outcome.missingCodes, plan.segment.missingCodes]);
  const hit = contributionCache.get(key);
  if (hit) return hit;
  const rows = await store.readRows(dataset, cols, dataset.respondents + 1, plan.filters);
  const outMissing = new Set(plan.outcome.missingCodes);
  const segMissing = new Set(plan.segment.missingCodes);
  const total: CellContributions = { values: [], weights: plan.weight ? [] : null };
  const segments = new Map<string, CellContributions>();
  for (const r of rows) {
    const [y, s, w] = r;
    if (y === null || y === "" || outMissing.has(y) || s === null || s === "" || segMissing.has(s)) continue;
    const value = Number(y);
    const weight = plan.weight ? Number(w) : 1;
    if (!Number.isFinite(value) || !(weight > 0)) continue;
    let cell = segments.get(s);
    if (!cell) segments.set(s, (cell = { values: [], weights: plan.weight ? [] : null }));
    for (const c of [cell, total]) {
      c.values!.push(value);
      c.weights?.push(weight);
    }
  }
  const out = { total, segments };
  contributionCache.set(key, out);
  if (contributionCache.size > 200) contributionCache.delete(contributionCache.keys().next().value!);
  return out;
}
const contributionCache = new Map<string, CrosstabContributions>();

/**
 * The aggregate-only rules a protected crosstab still needs: chi-square withheld beside hidden
 * cells, and for means the magnitude rules (dominance and p% on the values and weights, effective
 * base). Weighted shares are covered by the effective base already applied from the cell sums
 * (n_eff ≥ 5 caps any one weight at 1/√5 ≈ 45% of the total, under the 60% dominance threshold).
 */
async function aggregateRules<T extends ProtectedCrosstab>(store: SurveyStore, dataset: Dataset, spec: unknown, shown: T): Promise<T> {
  if (shown.statistic !== "mean") return withholdChisq(shown) as T;
  const contributions = await meanContributions(store, dataset, spec);
  if (!contributions) return shown;
  return applyMagnitude(shown, magnitudeFailures(contributions, magnitudeRules())) as T;
}

/** The crosstab runner every aggregate view uses (crosstab, banner, tiles, exports, benchmark). */
async function protectedCrosstabFor(store: SurveyStore, dataset: Dataset, request: unknown, viewer: Viewer, audience: Audience): Promise<CrosstabAnswer> {
  const { spec, weighting } = requestWeight(dataset, request);
  const shown = await runProtectedCrosstab(store, dataset, spec, viewer);
  return { ...(seesExact(audience) ? shown : await aggregateRules(store, dataset, spec, shown)), weighting };
}

/**
 * A crosstab released to the viewer.
 * @example const released = await releaseCrosstab(store, dataset, { outcome: "q1", outcome_category: "Yes", segment: "region" }, viewer)
 */
export async function releaseCrosstab(store: SurveyStore, dataset: Dataset, spec: unknown, viewer: Viewer): Promise<Released<CrosstabAnswer>> {
  const audience = await audienceOf(viewer, dataset.id);
  return seal("crosstab", audience, await gated(audience, () => protectedCrosstabFor(store, dataset, spec, viewer, audience)));
}

/**
 * A crosstab released to an aggregate-only audience without the differencing history (the pure
 * in-process part of the gateway: small cells, complements, chi-square, magnitude rules, the seal);
 * `npm run bench` times the engine through it.
 * @example openReleased(await releaseSuppressedCrosstab(store, dataset, spec, { k: 5, sensitive: false, role: "viewer" }))
 */
export async function releaseSuppressedCrosstab(store: SurveyStore, dataset: Dataset, spec: unknown, rules: DisclosureRules) {
  const audience: Audience = { kind: "aggregate", exact: false, why: "aggregate-only" };
  const raw = await runPlannedCrosstabOrEmpty(store, dataset, planCrosstab(dataset, spec, { missing: "declared" }));
  const shown = { ...protectCrosstab(raw, rules), spec: raw.spec, dataset: raw.dataset };
  return seal("crosstab", audience, await aggregateRules(store, dataset, spec, shown));
}

/** Internal: the crosstab without sealing, for other gateway modules (files, pages, tiles). */
export async function crosstabForAudience(store: SurveyStore, dataset: Dataset, spec: unknown, viewer: Viewer, audience: Audience): Promise<CrosstabAnswer> {
  return gated(audience, () => protectedCrosstabFor(store, dataset, spec, viewer, audience));
}

/** A banner (every answer by one or more segments) released to the viewer. */
export async function releaseBanner(store: SurveyStore, dataset: Dataset, spec: unknown, viewer: Viewer): Promise<Released<BannerResult>> {
  const audience = await audienceOf(viewer, dataset.id);
  return seal("banner", audience, await bannerForAudience(store, dataset, spec, viewer, audience));
}

/** Internal: the banner without sealing, for other gateway modules (files, tiles). */
export async function bannerForAudience(store: SurveyStore, dataset: Dataset, request: unknown, viewer: Viewer, audience: Audience): Promise<BannerResult> {
  const post = seesExact(audience) ? undefined : <T extends ProtectedCrosstab>(s: unknown, shown: T) => aggregateRules(store, dataset, s, shown);
  const { spec, weighting } = requestWeight(dataset, request);
  return gated(audience, async () => ({ ...(await runProtectedBanner(store, dataset, spec, viewer, post)), weighting }));
}

/** An NPS breakdown released to the viewer (small segments hidden, rows with them). */
export async function releaseNpsOf(store: SurveyStore, dataset: Dataset, spec: unknown, viewer: Viewer) {
  const audience = await audienceOf(viewer, dataset.id);
  return seal("nps", audience, await npsForAudience(store, dataset, spec, viewer, audience));
}

/**
 * Internal: the NPS breakdown without sealing, for other gateway modules (tiles). Under the
 * `perturbed` policy an aggregate-only audience gets every count perturbed by the cell-key method
 * before small-cell protection and the population audit, like a crosstab.
 */
export async function npsForAudience(store: SurveyStore, dataset: Dataset, spec: unknown, viewer: Viewer, audience: Audience) {
  return gated(audience, async () => {
    if (!isPerturbed(audience)) return releaseNps(await runNps(store, dataset, spec), dataset, viewer);
    const cellKeySecret = await ensureCellKeySecret(store.app.sql, dataset.id);
    return markPerturbed({ ...(await releaseNps(await runNps(store, dataset, spec, { cellKeySecret }), dataset, viewer)), disclosure: {}, notes: [] });
  });
}

/** An insights scan released to the viewer: each crosstab suppressed, chi-square withheld beside hidden cells. */
export async function releaseInsights<T>(store: SurveyStore, dataset: Dataset, viewer: Viewer, scan: (run: (spec: unknown) => Promise<Awaited<ReturnType<typeof runSuppressedCrosstab>>>) => Promise<T>): Promise<Released<T>> {
  const audience = await audienceOf(viewer, dataset.id);
  const run = async (spec: unknown) => {
    const shown = await runSuppressedCrosstab(store, dataset, spec, viewer);
    return seesExact(audience) ? shown : aggregateRules(store, dataset, spec, shown);
  };
  const result = await gated(audience, () => scan(run));
  return seal("insights", audience, seesExact(audience) ? result : scrubMessages(result));
}

/** Per-question messages of a scan (errors caught inside it) lose their numbers, like thrown errors. */
function scrubMessages<T>(result: T): T {
  const tested = (result as { tested?: { message?: string }[] }).tested;
  if (!Array.isArray(tested)) return result;
  return { ...result, tested: tested.map((t) => (typeof t.message === "string" ? { ...t, message: scrubErrorText(t.message) } : t)) };
}

/** The drivers report as released: the filtered and excluded row counts are null for aggregate-only audiences. */
export type ReleasedDriversReport = Omit<DriversReport, "rows"> & { dataset: { id: string; version: number }; rows: { total: number; after_filters: number | null; excluded: number | null } };

/**
 * Key drivers released to the viewer. For an aggregate-only audience the model must pass the model
 * rules (`checkModelRows`: rows, level and outcome-class counts, magnitude); otherwise it is
 * refused with one data-free message whatever rule failed.
 */
export async function releaseDrivers(store: SurveyStore, dataset: Dataset, body: unknown, viewer: Viewer): Promise<Released<ReleasedDriversReport>> {
  const audience = await audienceOf(viewer, dataset.id);
  const exact = seesExact(audience);
  const report = await gated(audience, () =>
    driversForDataset(store, dataset, body, {
      guard: exact
        ? undefined
        : async (m, stage) => {
            const verdict = checkModelRows(m, k(), magnitudeRules());
            if (!verdict.ok) {
              throw new AppError("forbidden", `disclosure: this model rests on fewer than ${k()} respondents in some predictor level or outcome class, or on one respondent's values; widen the filters or merge levels`, {
                rules: ["min_rows", "level_count", "outcome_class", "magnitude"],
              });
            }
            // the final model's populations join the viewer's history, audited like a crosstab's
            if (stage === "final" && !(await admitPopulationList(store, dataset, viewer, modelPopulations(m), k()))) throw differencingRefusal(k());
          },
    }),
  );
  const excluded = report.rows.excluded;
  // the rows a model ran on are a population the differencing audit never saw: no counts for aggregate-only audiences
  const hide = !exact;
  return seal("drivers", audience, { dataset: { id: dataset.id, version: dataset.version }, ...report, rows: { total: report.rows.total, after_filters: hide ? null : report.rows.after_filters, excluded: hide ? null : excluded } });
}

/**
 * The weighting report and saved version, for respondent access only. A weighting report cannot be
 * made safe for an aggregate-only audience: the caller chooses the targets, so the weights'
 * minimum, maximum and mean give away each target category's respondent count (a cell weight is
 * target × N / n), and those marginal counts, beside an audited filtered crosstab, single people
 * out. Weights are part of the dataset's design; aggregate-only audiences use the weights saved.
 */
export async function releaseWeighting(store: SurveyStore, dataset: Dataset, body: unknown, viewer: Viewer) {
  const audience = await audienceOf(viewer, dataset.id);
  if (!seesExact(audience)) {
    throw new AppError("forbidden", "weighting needs respondent access to this dataset (its uploader, a researcher of its workspace or an admin): its report gives away counts; the saved weights are yours to use", {
      reason: ["respondent-access"],
    });
  }
  const { result, dataset: next } = await gated(audience, () => applyWeighting(store, dataset, body));
  const report: WeightingReport = result.report;
  return { released: seal("weighting", audience, { report, dataset: next ? { id: next.id, version: next.version, weight: next.questions.at(-1)?.id } : null }), saved: next };
}

/** A derived variable, saved; its question's counts released as the audience may see them. */
export async function releaseDerived(store: SurveyStore, dataset: Dataset, body: unknown, viewer: Viewer) {
  const audience = await audienceOf(viewer, dataset.id);
  const { dataset: next, question } = await gated(audience, () => deriveVariable(store, dataset, body));
  const shown: Question | ProtectedQuestion = seesExact(audience) ? question : protectQuestion(question, k());
  return seal("derived", audience, { dataset: { id: next.id, version: next.version }, question: shown });
}

/** A dataset's question model released to the viewer (option counts and bases under k hidden). */
export async function releaseDataset(viewer: Viewer, dataset: Dataset): Promise<Released<Dataset | ProtectedDataset>> {
  const audience = await audienceOf(viewer, dataset.id);
  return seal("dataset", audience, seesExact(audience) ? dataset : await aggregateQuestionModel(await getStore(), dataset));
}

/** The dataset list (respondent totals are dataset sizes, never filtered; the visibility rule chose them). */
export function releaseDatasetList(viewer: Viewer, datasets: DatasetSummary[]): Released<{ datasets: DatasetSummary[] }> {
  return seal("dataset-list", audienceForViewer(viewer, "owner", { policy: "protected", uploadedBy: null }), { datasets });
}

/** A benchmark comparison released to the viewer (its share read from the released crosstab). */
export async function releaseBenchmarkCompare(store: SurveyStore, dataset: Dataset, body: unknown, viewer: Viewer) {
  const audience = await audienceOf(viewer, dataset.id);
  return seal("benchmark", audience, await gated(audience, () => compareDatasetToBenchmark(store, dataset, body, viewer)));
}

/** An R script reproducing a crosstab (no numbers: the spec and the file name), released like any answer. */
export async function releaseRScript(viewer: Viewer, dataset: Dataset, script: () => string): Promise<Released<ReleasedFile>> {
  const audience = await audienceOf(viewer, dataset.id);
  return seal("export", audience, { bytes: script(), headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** The full dataset after a schema edit, released (the same rule as `releaseDataset`). */
export async function releaseSavedDataset(store: SurveyStore, dataset: Dataset, viewer: Viewer, save: () => Promise<Dataset>): Promise<Released<Dataset | ProtectedDataset>> {
  const audience = await audienceOf(viewer, dataset.id);
  const saved = await gated(audience, save);
  return seal("dataset", audience, seesExact(audience) ? saved : await aggregateQuestionModel(store, saved));
}
