import "server-only";
import { getBreakdownRows, type BreakdownRow } from "@/lib/analysis/breakdown-rows";
import { serializeBreakdownState } from "@/lib/analysis/breakdown-state";
import { toChartData, type ChartDatum } from "@/lib/analysis/chart-data";
import type { Viewer } from "@/lib/auth/viewer";
import { formatCount, formatPercent } from "@/lib/format/number";
import type { BenchmarkFigure } from "@/lib/schema/benchmark";
import type { Dataset } from "@/lib/schema/dataset";
import type { SurveyStore } from "@/lib/store";
import { runProtectedCrosstab } from "./protected-crosstab";

/** One executive card: chart-ready bars, reference lines, the base in words and the published figures it sits next to. */
export interface HomePanel {
  id: string;
  title: string;
  /** one-line takeaway, e.g. "62.1% overall; highest: Brazil 75.9%" */
  takeaway: string;
  /** who is counted, e.g. "n = 2,527 all respondents · weighted · 95% intervals" */
  baseNote: string;
  data: ChartDatum[];
  references: { value: number; label: string }[];
  /** published figures relevant to the card (listed with source and caveat) */
  benchmarks: BenchmarkFigure[];
  /** what has not been published, said plainly; null when nothing to add */
  unpublished: string | null;
  analyzeHref: string | null;
  /** bars that have a published counterpart: our estimate next to the published figure */
  comparisons: { label: string; ours: number | null; published: number; publisher: string; n: number | null }[];
  /** why the card has no chart (e.g. refused by the differencing guard); null when it has one */
  error: string | null;
}

const DEMO = "ai-agents-production";
const WEIGHT = "weight";
const LIVE = "Live in production";

function pick(figures: BenchmarkFigure[], ids: string[]) {
  return ids.map((id) => figures.find((f) => f.id === id)).filter((f): f is BenchmarkFigure => f !== undefined);
}

function hrefFor(datasetId: string, outcome: string, category: string, segment: string) {
  return `/datasets/${datasetId}/analyze?${serializeBreakdownState({ outcome, category, segment, weight: WEIGHT, filters: {} }).toString()}`;
}

/** Segments by estimate, highest first; the total stays last. */
function sortRows(rows: BreakdownRow[]) {
  const segs = rows.filter((r) => !r.isTotal).sort((a, b) => (b.estimate ?? -1) - (a.estimate ?? -1));
  return [...segs, ...rows.filter((r) => r.isTotal)];
}

async function shareBySegment(store: SurveyStore, dataset: Dataset, viewer: Viewer, minBase: number, segment: string) {
  const result = await runProtectedCrosstab(store, dataset, { outcome: "agent_status", outcome_category: LIVE, segment, weight: WEIGHT }, viewer);
  const rows = sortRows(getBreakdownRows(result, { weighted: true, minBase }));
  return { rows, n: result.rows?.analytic ?? null };
}

function takeaway(rows: BreakdownRow[]) {
  const total = rows.find((r) => r.isTotal);
  const top = rows.find((r) => !r.isTotal && r.estimate !== null);
  return `${formatPercent(total?.estimate)} overall${top ? `; highest: ${top.label} ${formatPercent(top.estimate)}` : ""}`;
}

/** Our bar next to each published figure that measures the same answer in the same group. */
function pair(rows: BreakdownRow[], figures: BenchmarkFigure[], levelOf: (f: BenchmarkFigure) => string | undefined): HomePanel["comparisons"] {
  return figures.flatMap((f) => {
    const level = levelOf(f);
    const row = level === undefined ? undefined : rows.find((r) => r.label === level);
    return row && f.unit === "share" ? [{ label: row.label, ours: row.estimate, published: f.value, publisher: f.publisher, n: f.n }] : [];
  });
}

async function guarded(id: string, title: string, run: () => Promise<HomePanel>): Promise<HomePanel> {
  try {
    return await run();
  } catch (err) {
    const message = err instanceof Error ? err.message : "the breakdown could not be computed";
    return { id, title, takeaway: "", baseNote: "", data: [], references: [], benchmarks: [], unpublished: null, analyzeHref: null, comparisons: [], error: message };
  }
}

/**
 * The executive cards under the headline (demo dataset only): live in production by country and
 * by industry, and the causes of rollback, each through the protected crosstab.
 */
export async function loadHomePanels(store: SurveyStore, dataset: Dataset, viewer: Viewer, figures: BenchmarkFigure[], opts: { minBase: number; canAnalyze: boolean }) {
  if (dataset.id !== DEMO) return [];
  const live = pick(figures, ["sinch-live-production"]);
  const ref = live.map((f) => ({ value: f.value * 100, label: `${f.publisher} ${formatPercent(f.value, 0)}` }));
  const causes = dataset.questions.find((q) => q.id === "rollback_cause" || q.label.startsWith("What was the main cause of the rollback"))?.options ?? [];

  /** the share live in production by one segment, against the overall published rate (and `extra` figures by level) */
  const liveBy = (segment: "country" | "industry", extra: BenchmarkFigure[], unpublished: string) => {
    const id = `live-by-${segment}`;
    const title = `Live in production by ${segment}`;
    return guarded(id, title, async () => {
      const { rows, n } = await shareBySegment(store, dataset, viewer, opts.minBase, segment);
      return {
        id,
        title,
        takeaway: takeaway(rows),
        baseNote: `n = ${formatCount(n)} all respondents · weighted · 95% intervals`,
        data: toChartData(rows, "proportion"),
        references: ref,
        benchmarks: [...live, ...extra],
        comparisons: [...pair(rows, live, () => "Total"), ...pair(rows, extra, (f) => (f.demoMatch?.segment === segment ? f.demoMatch.segment_level : undefined))],
        unpublished,
        analyzeHref: opts.canAnalyze ? hrefFor(dataset.id, "agent_status", LIVE, segment) : null,
        error: null,
      };
    });
  };
  const byCountry = liveBy(
    "country",
    pick(figures, ["sinch-brazil-live", "sinch-us-live"]),
    "Sinch published no country figures of its own; the Brazil and US rates come from secondary notes.",
  );
  const byIndustry = liveBy("industry", [], "No published figure by industry: the line is the overall 62%.");
  const topCauses = guarded("rollback-causes", "Top causes of rollback", async () => {
    const results = await Promise.all(
      causes.map((c) => runProtectedCrosstab(store, dataset, { outcome: "rollback_cause", outcome_category: c.code, segment: "company_size", weight: WEIGHT }, viewer)),
    );
    const rows = results
      .map((r, i) => {
        const total = getBreakdownRows(r, { weighted: true, minBase: opts.minBase }).find((x) => x.isTotal);
        return total ? { ...total, key: `c${i}`, label: causes[i].label, isTotal: false } : null;
      })
      .filter((r): r is BreakdownRow => r !== null)
      // named causes by share, highest first; the catch-all "Other" answer last
      .sort((a, b) => Number(/^other/i.test(a.label)) - Number(/^other/i.test(b.label)) || (b.estimate ?? -1) - (a.estimate ?? -1));
    const top = rows[0];
    const causeFigures = pick(figures, ["sinch-cause-data-exposure", "sinch-cause-hallucination", "sinch-cause-auditability"]);
    return {
      id: "rollback-causes",
      title: "Top causes of rollback",
      takeaway: top ? `${top.label}: ${formatPercent(top.estimate)} of rollbacks` : "",
      baseNote: `n = ${formatCount(results[0]?.rows?.analytic)} who rolled back an agent · single choice · weighted · 95% intervals`,
      data: toChartData(rows, "proportion"),
      references: [],
      benchmarks: causeFigures,
      comparisons: pair(rows, causeFigures, (f) => (f.demoMatch && !f.demoMatch.segment && typeof f.demoMatch.outcome_category === "string" ? f.demoMatch.outcome_category : undefined)),
      unpublished: "Reported second-hand only (IT Pro via a forum post); the published base and whether the question was single choice are unknown.",
      analyzeHref: opts.canAnalyze ? hrefFor(dataset.id, "rollback_cause", causes[0]?.code ?? "", "country") : null,
      error: null,
    };
  });
  return Promise.all([byCountry, byIndustry, topCauses]);
}
