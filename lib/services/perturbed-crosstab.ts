import type { EmptyCrosstab } from "@/lib/disclosure/protect-crosstab";
import { perturbedCrosstab, perturbRows } from "@/lib/disclosure/cell-key/perturb-crosstab";
import { assertCardinality } from "@/lib/governance/cardinality";
import type { Dataset } from "@/lib/schema/dataset";
import { qnorm } from "@/lib/stats/distributions";
import { ensureCellKeySecret, type SurveyStore } from "@/lib/store";
import type { planCrosstab } from "./crosstab";

/**
 * The aggregate-only crosstab of a dataset under the `perturbed` policy: the store sums each cell's
 * record keys in the same query as its counts (`plan.cellKey`), and every count is perturbed by the
 * published table (lib/disclosure/cell-key). A population whose perturbed total is 0 — a true zero
 * included — comes back as an `EmptyCrosstab`, like `runPlannedCrosstabOrEmpty`.
 *
 * @example await runPerturbedCrosstabOrEmpty(store, dataset, planCrosstab(dataset, spec, { missing: "declared" }))
 */
export async function runPerturbedCrosstabOrEmpty(store: SurveyStore, dataset: Dataset, { spec, plan }: ReturnType<typeof planCrosstab>) {
  const secret = await ensureCellKeySecret(store.app.sql, dataset.id);
  const input = await store.cellSums(dataset, { ...plan, cellKey: { secret } });
  assertCardinality(input);
  const meta = { spec, dataset: { id: dataset.id, version: dataset.version } };
  const filtered = plan.filters.length > 0;
  const result = input.rows.analytic < 1 ? null : perturbedCrosstab(input, filtered);
  if (!result) {
    const z = qnorm(1 - (1 - input.confLevel) / 2);
    const rows = perturbRows(input.rows, input.statusKeys ?? [], filtered, 0);
    const empty: EmptyCrosstab = { empty: true, statistic: input.statistic, conf_level: input.confLevel, z, rows, segment_levels: [...input.segmentLevels] };
    return { ...empty, ...meta };
  }
  return { ...result, ...meta };
}
