/** What every perturbed output says about itself (API notes, UI, exports). */
export const PERTURBED_LABEL = "perturbed (cell-key method)";

/** The note a perturbed result carries. */
export const PERTURBED_NOTE =
  "Counts are perturbed (cell-key method): each count has a small fixed noise (at most ±3, mean 0) tied to the respondents it counts; proportions and tests use the perturbed counts, and totals are perturbed on their own, so they need not equal the sum of their parts.";

/**
 * Mark a released result as perturbed: `disclosure.perturbed: true` and the note.
 * @example markPerturbed({ disclosure: { k: 5 }, notes: [] }).disclosure.perturbed // true
 */
export function markPerturbed<R extends { disclosure: object; notes?: string[] }>(result: R): R & { disclosure: { perturbed: true } } {
  return { ...result, disclosure: { ...result.disclosure, perturbed: true }, notes: [...(result.notes ?? []), PERTURBED_NOTE] };
}
