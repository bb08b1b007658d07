import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { CellSums, CrosstabInput } from "@/lib/schema/cell-sums";
import type { Dataset } from "@/lib/schema/dataset";
import { withShareSums } from "../sql/to-crosstab-input";
import type { SurveyStore } from "../types";

/**
 * The per-cell sums of a proportion of one stored column are grouped by (segment, raw outcome
 * value), and y is only the indicator "value ∈ categories": so the sums for any set of categories
 * follow from one GROUP BY (`withShareSums`: for y ∈ {0,1}, Σy = n, Σwy = Σwy² = Σw, Σw²y = Σw²y²
 * = Σw² on the chosen cells, 0 elsewhere). A banner table asks for every answer of one outcome by the same
 * segment, filters and weight; this rebuilds each answer's sums instead of querying again.
 *
 * @example
 * rebuildForCategories(input, ["Yes"]).cells.filter((c) => c.sy > 0).every((c) => c.outcome === "Yes") // true
 */
export function rebuildForCategories(input: CrosstabInput, categories: string[]): CrosstabInput {
  const chosen = new Set(categories);
  // the cell-key sums too: a chosen cell's y = 1 rows are all its rows (every answer's count is
  // perturbed by the key of exactly the respondents it counts)
  const cells: CellSums[] = input.cells.map((c) => withShareSums(c, c.outcome !== null && chosen.has(c.outcome) ? 1 : 0));
  return { ...input, outcomeCategories: [...categories], cells };
}

/** Plans that differ only in their categories share one key (null: not shareable). */
function shareKey(dataset: Dataset, plan: CrosstabPlan): string | null {
  if (plan.statistic !== "proportion" || plan.outcome.kind !== "column") return null;
  return JSON.stringify([dataset.id, dataset.version, { ...plan, outcomeCategories: [] }]);
}

/**
 * A request-scoped view of `store` whose `cellSums` runs one query per (outcome column, segment,
 * filters, weight) and derives every category set from it. Other methods pass through. Results
 * are exact (same sums the store would return); small-cell protection runs afterwards as usual.
 *
 * @example
 * const shared = withSharedOutcomeSums(store); // then run every answer's crosstab through `shared`
 */
export function withSharedOutcomeSums(store: SurveyStore): SurveyStore {
  const memo = new Map<string, Promise<CrosstabInput>>();
  const cellSums = async (dataset: Dataset, plan: CrosstabPlan): Promise<CrosstabInput> => {
    const key = shareKey(dataset, plan);
    if (key === null) return store.cellSums(dataset, plan);
    let sums = memo.get(key);
    if (!sums) {
      sums = store.cellSums(dataset, plan);
      memo.set(key, sums);
      sums.catch(() => memo.delete(key));
    }
    return rebuildForCategories(await sums, plan.outcomeCategories);
  };
  // a Proxy (not Object.create) so methods still run on the real instance (private fields)
  return new Proxy(store, {
    get(target, prop) {
      if (prop === "cellSums") return cellSums;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
