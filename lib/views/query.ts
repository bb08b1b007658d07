import { parseBreakdownState, serializeBreakdownState, type BreakdownState } from "@/lib/analysis/breakdown-state";
import { pinWeight } from "@/lib/analysis/default-weight";
import { AppError } from "@/lib/schema/errors";

/**
 * A saved view's query in canonical form: parsed with the analyze page's own parser and written
 * back, so unknown keys are dropped, order is stable and only a state the page accepts is stored.
 * An analysis needs at least an outcome and a segment. Its weighting is written out (the
 * dataset's default weight at the time of saving, or `unweighted=1`), so a later change of the
 * default never changes a saved view's numbers.
 *
 * @example
 * normalizeViewQuery("?segment=country&outcome=q1&category=Yes&junk=1") // "outcome=q1&category=Yes&segment=country&unweighted=1"
 * normalizeViewQuery("outcome=q1&category=Yes&segment=country", "weight") // "outcome=q1&category=Yes&segment=country&weight=weight"
 */
export function normalizeViewQuery(query: string, defaultWeight?: string): string {
  const state = parseBreakdownState(new URLSearchParams(query.replace(/^\?/, "")));
  if (!state.outcome || (!state.segment && !state.segments?.length)) {
    throw new AppError("validation_failed", "a saved view needs an outcome and a segment: choose them on the analyze page first");
  }
  return serializeBreakdownState(pinWeight(state, defaultWeight)).toString();
}

/**
 * The breakdown state a stored query stands for. A query without any weighting was saved before
 * default weights existed, when leaving the weight out meant unweighted: it still does.
 */
export function viewState(query: string): BreakdownState {
  const state = parseBreakdownState(new URLSearchParams(query));
  return state.weight || state.unweighted ? state : { ...state, unweighted: true };
}

/**
 * The analyze page's query of a stored view (its weighting written out), for links that reopen it.
 *
 * @example
 * viewHrefQuery("outcome=q1&segment=c") // "outcome=q1&segment=c&unweighted=1"
 */
export function viewHrefQuery(query: string): string {
  return serializeBreakdownState(viewState(query)).toString();
}
