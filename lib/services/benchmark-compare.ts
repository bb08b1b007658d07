import "server-only";
import { visibleDatasetIds, type Viewer } from "@/lib/auth/viewer";
import { benchmarkCompareRequestSchema, type BenchmarkCompareResult } from "@/lib/schema/benchmark";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import { compareToBenchmark } from "@/lib/stats/benchmark-compare";
import { checkComparison } from "@/lib/analysis/benchmark-check";
import type { MatchDataset } from "@/lib/analysis/benchmark-match";
import type { SurveyStore } from "@/lib/store";
import { loadBenchmarks } from "./load-benchmarks";
import { runProtectedCrosstab } from "./protected-crosstab";

export const HIDDEN_MESSAGE = "hidden by small-cell protection: this column has too few respondents to show, so it cannot be compared";

/**
 * One published share against the same share in `dataset`, computed through the protected
 * crosstab (small cells stay hidden: a hidden column is refused with 422, never estimated).
 */
export async function compareDatasetToBenchmark(store: SurveyStore, dataset: Dataset, body: unknown, viewer: Viewer): Promise<BenchmarkCompareResult> {
  const parsed = benchmarkCompareRequestSchema.safeParse(body);
  if (!parsed.success) throw new AppError("validation_failed", "invalid benchmark comparison request", { issues: parsed.error.issues });
  const { benchmarkId, spec, column, acknowledgeMismatch } = parsed.data;
  const figure = loadBenchmarks().figures.find((f) => f.id === benchmarkId);
  if (!figure) throw new AppError("not_found", `benchmark not found: ${benchmarkId}`);
  // definitions first, from the question model only: a refusal says what differs and reads no respondent
  const check = checkComparison(figure, matchDataset(dataset), { ...spec, category: spec.outcome_category, column }, acknowledgeMismatch);
  if (check.refusal) throw new AppError("invalid_spec", check.refusal, { mismatch: check.figure_kind !== check.own_kind || check.figure_kind === null ? "kind" : "wording", score: check.score });
  if (figure.unit !== "share") throw new AppError("invalid_spec", `only published shares can be compared; ${benchmarkId} is a ${figure.unit}`);

  const result = await runProtectedCrosstab(store, dataset, { ...spec, statistic: "proportion" }, viewer);
  if (result.statistic !== "proportion") throw new AppError("invalid_spec", "the comparison needs a proportion");
  const block = column === "Total" ? result.total : result.segments.find((s) => s.segment === column);
  // levels are answers in the data: name the rule, not the levels (nor whether this one exists)
  if (!block) throw new AppError("invalid_spec", `column: use "Total" or a level of the segment question ${spec.segment} shown by its breakdown`, { role: "column", segment: spec.segment });
  if (block.suppressed || block.count_suppressed) throw new AppError("validation_failed", HIDDEN_MESSAGE, { column, display: block.display });

  const weighted = Boolean(spec.weight);
  const est = weighted ? block.weighted : block.unweighted;
  const comparison = compareToBenchmark({ p: est?.p ?? null, se: est?.se ?? null, n: block.n }, { p: figure.value, n: figure.n }, spec.conf_level);

  const caveats = ["Different questions and populations: the published figure comes from another survey, with its own wording, sample and timing."];
  if (dataset.synthetic) caveats.push("Synthetic demo data: these respondents were generated to resemble the published figures, so agreement is by construction.");
  if (figure.n === null) caveats.push("The publisher did not give the base size, so the published margin of error and the test are not available.");
  else caveats.push(`The published margin of error assumes a simple random sample of ${figure.n.toLocaleString("en-US")}; the real design effect is unknown.`);
  if (figure.singleSource) caveats.push("The published figure was seen in a single secondary source.");
  caveats.push(figure.caveat);

  return {
    benchmark: { id: figure.id, publisher: figure.publisher, label: figure.label, base: figure.base, caveat: figure.caveat, source: figure.source, tier: figure.tier },
    dataset: { id: dataset.id, name: dataset.name, version: dataset.version, synthetic: dataset.synthetic },
    spec,
    column,
    weighted,
    comparison,
    caveats,
    match: { score: check.score, strength: check.strength, figure_kind: check.figure_kind, own_kind: check.own_kind, bases: check.bases, warnings: check.warnings },
  };
}

/** The question model as the definition matcher reads it (wording and answer labels). */
export function matchDataset(d: Pick<Dataset, "id" | "name" | "questions">): MatchDataset {
  return { id: d.id, name: d.name, questions: d.questions.map((q) => ({ id: q.id, label: q.label, type: q.type, options: q.options.map((o) => ({ code: o.code, label: o.label })) })) };
}

/** A dataset the viewer may compare with: the questions a share can be read from. */
export interface CompareDataset {
  id: string;
  name: string;
  synthetic: boolean;
  /** the first weight column, used by default */
  weight: string | null;
  outcomes: { id: string; label: string; type: string; options: { code: string; label: string }[] }[];
  segments: { id: string; label: string; type: string; options: { code: string; label: string }[] }[];
}

/** Benchmarks page: the datasets this viewer may see, with their categorical questions (none without `crosstab:run`). */
export async function loadCompareDatasets(viewer: Viewer, store: SurveyStore, canRun: boolean): Promise<CompareDataset[]> {
  if (!canRun) return [];
  const visible = await visibleDatasetIds(viewer);
  const summaries = (await store.listDatasets()).filter((d) => visible.has(d.id)).slice(0, 50);
  const datasets = await Promise.all(summaries.map((s) => store.getDataset(s.id)));
  return datasets
    .filter((d): d is Dataset => d !== null)
    .map((d) => {
      const opts = (q: Dataset["questions"][number]) => q.options.map((o) => ({ code: o.code, label: o.label }));
      const categorical = d.questions.filter((q) => (q.type === "single" || q.type === "ordinal") && q.options.length > 0 && q.options.length <= 60);
      return {
        id: d.id,
        name: d.name,
        synthetic: d.synthetic,
        weight: d.questions.find((q) => q.type === "weight")?.id ?? null,
        outcomes: [...categorical, ...d.questions.filter((q) => q.type === "multi" && q.options.length > 0)].map((q) => ({ id: q.id, label: q.label, type: q.type, options: opts(q) })),
        segments: categorical.filter((q) => q.options.length <= 30).map((q) => ({ id: q.id, label: q.label, type: q.type, options: opts(q) })),
      };
    });
}
