import "server-only";
/**
 * The disclosure gateway for server-rendered pages: each page's numbers are released here for the
 * viewer (question models, dashboards, the home page's breakdowns, the audit trail) and a page
 * reads them only through `pageProps(released)`.
 */
import { toQuestionLite, type QuestionLite } from "@/lib/analysis/question-roles";
import { loadsLazily, pickQuestions } from "@/lib/analysis/question-search";
import { usableDefaultWeight } from "@/lib/analysis/default-weight";
import type { Viewer } from "@/lib/auth/viewer";
import { seesExact, type Audience } from "@/lib/disclosure/audience";
import { seal, type Released, type ReleasedFile } from "@/lib/disclosure/gateway";
import { rowsToCsv } from "@/lib/export";
import type { AuditRecord } from "@/lib/audit/chain";
import type { Dataset, DatasetSummary, ProtectedDataset } from "@/lib/schema/dataset";
import { getEnv } from "@/lib/schema/env";
import { audienceOf } from "./audience";
import { aggregateQuestionModel } from "./column-governance";
import { getStore } from "@/lib/store";
import { gated, releaseDatasetList } from "./gateway";
import { questionModelFor } from "./gateway-questions";


async function shown(audience: Audience, dataset: Dataset): Promise<Dataset | ProtectedDataset> {
  return seesExact(audience) ? dataset : aggregateQuestionModel(await getStore(), dataset);
}

/**
 * A dataset page (overview, schema review): the question model as the viewer may see it, plus
 * flags about what the viewer may do (no numbers).
 * @example pageProps(await releaseDatasetPage(viewer, dataset, { canEdit: true })).dataset
 */
export async function releaseDatasetPage<F extends Record<string, boolean>>(viewer: Viewer, dataset: Dataset, flags: F): Promise<Released<{ dataset: Dataset | ProtectedDataset } & F>> {
  const audience = await audienceOf(viewer, dataset.id);
  return seal("page", audience, { ...flags, dataset: await shown(audience, dataset) });
}

/** Which questions a page names (its URL's, its defaults'), given every question and the default weight (called on every release). */
export type WantedQuestions = (all: QuestionLite[], defaultWeight: string | null | undefined) => string[];

/** At most this many weight questions travel with a wide dataset's page (its weight picker is a list). */
const MAX_WEIGHTS = 50;

/**
 * The analysis builders' question list (analyze, weighting, insights pages), counts protected. A
 * wide dataset (`loadsLazily`) sends only the questions the page names — its URL's, its defaults,
 * the default filters' and the weights — and `lazy: true`: the pickers load the rest page by page
 * (GET /api/datasets/{id}/questions, the same protected model).
 */
export async function releaseAnalysisPage<E extends { respondentExport: unknown }>(viewer: Viewer, dataset: Dataset, extra: E, wanted: WantedQuestions = () => []) {
  const audience = await audienceOf(viewer, dataset.id);
  // the pickers' model (protected once per version for an aggregate-only audience, see gateway-questions.ts)
  const all = (await questionModelFor(audience, dataset)).map(toQuestionLite);
  /**
   * the weight the analysis starts with (a weight question this audience sees), null when none;
   * undefined when the dataset never had one set (insights then keep their own choice)
   */
  const defaultWeight = dataset.defaultWeight === undefined ? undefined : (usableDefaultWeight(dataset.defaultWeight?.question, all) ?? null);
  const lazy = loadsLazily(all);
  const asked = wanted(all, defaultWeight); // always called: a page may keep what it chose
  const named = lazy
    ? pickQuestions(all, [
        ...asked,
        ...dataset.defaultFilters.map((f) => f.question),
        ...all.filter((q) => q.type === "weight").slice(0, MAX_WEIGHTS).map((q) => q.id),
      ])
    : all;
  return seal("page", audience, {
    ...extra,
    dataset: { id: dataset.id, name: dataset.name, respondents: dataset.respondents, synthetic: dataset.synthetic },
    questions: named,
    lazy,
    questionCount: all.length,
    defaultWeight,
    defaultFilters: dataset.defaultFilters,
    minBase: getEnv().MIN_EFFECTIVE_BASE,
    exact: seesExact(audience),
  });
}

/** The dataset list page (dataset sizes only). */
export function releaseDatasetListPage(viewer: Viewer, datasets: DatasetSummary[]) {
  return releaseDatasetList(viewer, datasets);
}

/**
 * A page computed from protected crosstabs of one dataset (the home page's headline and panels,
 * which run `runProtectedCrosstab` for the viewer); errors lose their numbers.
 */
export async function releaseCrosstabPage<T>(viewer: Viewer, datasetId: string, compute: () => Promise<T>): Promise<Released<T>> {
  const audience = await audienceOf(viewer, datasetId);
  return seal("page", audience, await gated(audience, compute));
}

/** What an audit detail keeps about a dataset the reader sees only as aggregates: no spec, no numbers. */
const AUDIT_KEEP = new Set(["method", "version", "fromVersion", "access", "format", "kind", "chart", "page", "via", "from", "to", "question", "weight"]);

/**
 * The audit trail as the admin reading it may see it: records about a dataset they have no
 * respondent access to (shared into their workspace) keep only what was done, not the request's
 * spec (filter values) or the numbers released (rows, suppressed cells).
 */
export async function releaseAudit<T extends { records: AuditRecord[] }>(viewer: Viewer, loaded: T): Promise<Released<T>> {
  const ids = [...new Set(loaded.records.filter((r) => r.resource_type === "dataset" && r.resource_id).map((r) => r.resource_id!))];
  const exact = new Map(await Promise.all(ids.map(async (id) => [id, seesExact(await audienceOf(viewer, id))] as const)));
  const records = loaded.records.map((r) => {
    if (r.resource_type !== "dataset" || !r.resource_id || exact.get(r.resource_id)) return r;
    let detail: Record<string, unknown> = {};
    try {
      detail = JSON.parse(String(r.detail)) as Record<string, unknown>;
    } catch {
      detail = {};
    }
    const kept = Object.fromEntries(Object.entries(detail).filter(([key, v]) => AUDIT_KEEP.has(key) && (typeof v === "string" || (key.endsWith("ersion") && typeof v === "number"))));
    return { ...r, detail: JSON.stringify(kept) };
  });
  const audience: Audience = { kind: "respondent", why: "admin" };
  return seal("audit", audience, { ...loaded, records });
}

type LoadedAudit = { records: AuditRecord[]; nextBefore: number | null; broken: { seq: number; reason: string } | null; total: number };

/** The released audit trail as the API's JSON answer. */
export function releaseAuditJson(r: Released<LoadedAudit>) {
  const { records, nextBefore, broken, total } = r.body;
  return seal("audit", r.audience, { chain: { records: total, verified: broken === null, brokenAt: broken }, records, nextBefore });
}

/** The released audit trail as a CSV file (the given columns). */
export function releaseAuditCsv(r: Released<LoadedAudit>, columns: readonly (keyof AuditRecord)[]): Released<ReleasedFile> {
  const csv = rowsToCsv([...columns], r.body.records.map((rec) => columns.map((c) => (rec[c] === null ? null : String(rec[c])))));
  return seal("export", r.audience, {
    bytes: csv,
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="audit.csv"', "cache-control": "private, no-store", "x-content-type-options": "nosniff" },
  });
}
