import "server-only";
import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { SurveyStore } from "@/lib/store";

/**
 * Where an NPS result came from (the store and plan `runNps` used), so `releaseNps` can ask the
 * store who it counted without changing its signature. Weak: results are not kept alive.
 */
const origins = new WeakMap<object, { store: SurveyStore; plan: CrosstabPlan }>();

/** Remember the origin of a result (runNps). */
export function rememberNpsOrigin(result: object, store: SurveyStore, plan: CrosstabPlan): void {
  origins.set(result, { store, plan });
}

/** The origin of a result, or undefined when it did not come from runNps. */
export function npsOrigin(result: object): { store: SurveyStore; plan: CrosstabPlan } | undefined {
  return origins.get(result);
}
