import "server-only";
import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { Viewer } from "@/lib/auth/viewer";
import type { Population } from "@/lib/disclosure/population";
import { auditPopulations, type AuditSwitches } from "@/lib/disclosure/population-audit";
import type { PopulationHistoryStore } from "@/lib/disclosure/population-history";
import type { RowMemberships } from "@/lib/disclosure/released-populations";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import { SqlPopulationStore, type SurveyStore } from "@/lib/store";

/**
 * Test-only switches of the gateway's rules (adversary tests prove each matters); never set by a
 * route. `history` replaces the SQL history (a memory store in tests).
 */
export interface GuardOptions extends AuditSwitches {
  smallCells?: boolean;
  complements?: boolean;
  history?: PopulationHistoryStore;
}

/** One history per viewer and workspace. */
export function viewerKeyOf(viewer: Pick<Viewer, "workspaceId" | "userId">): string {
  return `${viewer.workspaceId}/${viewer.userId}`;
}

/** The one refusal, whatever the rule (pairwise, linear, search budget): no number, no reason that tells them apart. */
export function differencingRefusal(k: number): AppError {
  return new AppError("forbidden", `disclosure: this result and what you already saw together single out fewer than ${k} respondents, so it is withheld`, {
    reason: ["differencing"],
  });
}

/**
 * Audit what a result would release against everything the viewer was shown of this dataset
 * (any version, analysis or route), and record it when admitted — exclusively per viewer and
 * dataset, in the store's database. Aggregate-only audiences only.
 * @example
 * const ok = await admitPopulations(store, dataset, viewer, plan, (m) => crosstabPopulations(shown, m), 5);
 * if (!ok) throw differencingRefusal(5);
 */
export async function admitPopulations(
  store: SurveyStore,
  dataset: Dataset,
  viewer: Viewer,
  plan: CrosstabPlan,
  populationsOf: (m: RowMemberships) => Population[],
  k: number,
  options: GuardOptions = {},
): Promise<boolean> {
  return admitPopulationList(store, dataset, viewer, populationsOf(await store.memberships(dataset, plan)), k, options);
}

/**
 * `admitPopulations` for populations already known (a model's rows): audited against the viewer's
 * history of this dataset and recorded when admitted.
 * @example if (!(await admitPopulationList(store, dataset, viewer, modelPopulations(rows), 5))) throw differencingRefusal(5);
 */
export async function admitPopulationList(store: SurveyStore, dataset: Dataset, viewer: Viewer, candidate: readonly Population[], k: number, options: GuardOptions = {}): Promise<boolean> {
  if (candidate.length === 0) return true;
  const history = options.history ?? new SqlPopulationStore(store.app.sql);
  return history.withPopulations(viewerKeyOf(viewer), dataset.id, (released) => {
    const verdict = auditPopulations(released, candidate, { k, pairwise: options.pairwise, linear: options.linear });
    return { value: verdict.allowed, record: verdict.allowed ? candidate : [] };
  });
}
