import { parseBreakdownState, serializeBreakdownState, type BreakdownState } from "@/lib/analysis/breakdown-state";
import { AppError } from "@/lib/schema/errors";

/**
 * A saved view's query in canonical form: parsed with the analyze page's own parser and written
 * back, so unknown keys are dropped, order is stable and only a state the page accepts is stored.
 * An analysis needs at least an outcome and a segment.
 *
 * @example
 * normalizeViewQuery("?segment=country&outcome=q1&category=Yes&junk=1") // "outcome=q1&category=Yes&segment=country"
 */
export function normalizeViewQuery(query: string): string {
  const state = parseBreakdownState(new URLSearchParams(query.replace(/^\?/, "")));
  if (!state.outcome || (!state.segment && !state.segments?.length)) {
    throw new AppError("validation_failed", "a saved view needs an outcome and a segment: choose them on the analyze page first");
  }
  return serializeBreakdownState(state).toString();
}

/** The breakdown state a stored query stands for. */
export function viewState(query: string): BreakdownState {
  return parseBreakdownState(new URLSearchParams(query));
}
