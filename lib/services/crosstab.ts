import { resolveCrosstabSpec, type ResolveOptions } from "@/lib/analysis/resolve-spec";
import { rememberNpsOrigin } from "./nps-origin";
import { crosstabSpecSchema } from "@/lib/schema/crosstab-spec";
import type { Dataset } from "@/lib/schema/dataset";
import { computeCrosstab, computeNps } from "@/lib/stats";
import { toRScript } from "@/lib/stats/r-script";
import { toRawHeaderSpec } from "@/lib/analysis/to-r-spec";
import type { SurveyStore } from "@/lib/store";
import { perturbedNps } from "@/lib/disclosure/cell-key/perturb-nps";
import { assertCardinality } from "@/lib/governance/cardinality";
import type { EmptyCrosstab } from "@/lib/disclosure/protect-crosstab";
import { qnorm } from "@/lib/stats/distributions";

/** Parse a spec and resolve it against the dataset (ordinal segments keep their scale order). */
export function planCrosstab(dataset: Dataset, specInput: unknown, opts: ResolveOptions) {
  const spec = crosstabSpecSchema.parse(specInput);
  const plan = resolveCrosstabSpec(spec, dataset, opts);
  if (!plan.segmentLevels && opts.missing === "declared") {
    // an ordered scale keeps its scale order (Early → Fully mature), not byte order
    const seg = dataset.questions.find((q) => q.columns[0] === plan.segment.column && q.type === "ordinal");
    if (seg?.options.length) plan.segmentLevels = seg.options.map((o) => o.code);
  }
  return { spec, plan };
}

/**
 * An R script (survey package) reproducing the breakdown from the uploaded file.
 * @example crosstabRScript(dataset, { outcome: "q1", outcome_category: "Yes", segment: "region" })
 */
export function crosstabRScript(dataset: Dataset, specInput: unknown): string {
  const { spec, plan } = planCrosstab(dataset, specInput, { missing: "declared" });
  return toRScript(toRawHeaderSpec(spec, plan, dataset), dataset.source.fileName.split(/[\\/]/).pop() ?? "data.csv", {
    extraHeaderRows: Math.max(0, dataset.headerRows - 1),
  });
}

/**
 * Parse a crosstab spec, resolve it against the dataset, push the per-cell sums down to the
 * store and compute the statistics. The API and the CLI both answer with this object.
 *
 * @example
 * await runCrosstab(store, dataset, { outcome: "rolled_back", outcome_category: "Yes", segment: "guardrail_maturity" })
 */
export async function runCrosstab(store: SurveyStore, dataset: Dataset, specInput: unknown, opts: ResolveOptions = { missing: "declared" }) {
  return runPlannedCrosstab(store, dataset, planCrosstab(dataset, specInput, opts));
}

/** `runCrosstab` for a spec already planned (callers that also need the plan plan once). */
export async function runPlannedCrosstab(store: SurveyStore, dataset: Dataset, { spec, plan }: ReturnType<typeof planCrosstab>) {
  const input = await store.cellSums(dataset, plan);
  assertCardinality(input); // C41: more than 200 segment levels or outcome categories → 422
  const result = computeCrosstab(input);
  return { ...result, spec, dataset: { id: dataset.id, version: dataset.version } };
}

/**
 * `runPlannedCrosstab` for the aggregate-only path: a population the filters left empty comes back
 * as an `EmptyCrosstab` (no statistic, no error) so that disclosure control answers it exactly like
 * a small one instead of a 422 that would tell zero from small.
 */
export async function runPlannedCrosstabOrEmpty(store: SurveyStore, dataset: Dataset, { spec, plan }: ReturnType<typeof planCrosstab>) {
  const input = await store.cellSums(dataset, plan);
  assertCardinality(input);
  const meta = { spec, dataset: { id: dataset.id, version: dataset.version } };
  if (input.rows.analytic < 1) {
    const z = qnorm(1 - (1 - input.confLevel) / 2);
    const empty: EmptyCrosstab = { empty: true, statistic: input.statistic, conf_level: input.confLevel, z, rows: input.rows, segment_levels: [...input.segmentLevels] };
    return { ...empty, ...meta };
  }
  return { ...computeCrosstab(input), ...meta };
}

/**
 * Net Promoter Score (% 9–10 minus % 0–6 of a 0–10 question) by segment, with design-based SEs:
 * the same per-cell sums as a crosstab, folded by `computeNps`.
 *
 * @example await runNps(store, dataset, { outcome: "recommend", segment: "region", weight: "w" })
 */
export async function runNps(store: SurveyStore, dataset: Dataset, specInput: unknown, opts: { cellKeySecret?: string } = {}) {
  const base = typeof specInput === "object" && specInput !== null ? specInput : {};
  const { spec, plan } = planCrosstab(dataset, { ...base, statistic: "proportion", outcome_category: ["9", "10"] }, { missing: "declared" });
  const secret = opts.cellKeySecret;
  const input = await store.cellSums(dataset, secret === undefined ? plan : { ...plan, cellKey: { secret } });
  assertCardinality(input);
  // the `perturbed` policy: every count perturbed by the key of the respondents it counts
  const computed = secret === undefined ? { ...computeNps(input), rows: input.rows } : perturbedNps(input, plan.filters.length > 0);
  const result = { ...computed, spec: { ...spec, statistic: "nps" as const }, dataset: { id: dataset.id, version: dataset.version } };
  rememberNpsOrigin(result, store, plan);
  return result;
}
