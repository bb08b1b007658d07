import { AppError } from "@/lib/schema/errors";
import type { CrosstabInput } from "@/lib/schema/cell-sums";

/** Most distinct segment levels (or outcome categories) one breakdown may have (C41). */
export const MAX_LEVELS = 200;

/**
 * Refuse a breakdown whose segment or outcome has more than `max` distinct levels: such a table is
 * unreadable, costly to compute, test and render, and mostly small cells (an id or free-text column
 * picked as a segment). Checked on the per-cell sums, so it holds whatever the question type.
 *
 * @example
 * assertCardinality({ outcomeCategories: ["Yes"], cells: [] }) // ok
 */
export function assertCardinality(input: Pick<CrosstabInput, "outcomeCategories" | "cells">, max: number = MAX_LEVELS): void {
  if (input.outcomeCategories.length > max) {
    throw new AppError("invalid_spec", `too many outcome categories: ${input.outcomeCategories.length} (at most ${max})`, { levels: input.outcomeCategories.length, max });
  }
  const segments = new Set<string>();
  for (const c of input.cells) if (c.segment !== null) segments.add(c.segment);
  if (segments.size > max) {
    throw new AppError(
      "invalid_spec",
      `the segment has ${segments.size} distinct values (at most ${max}): group it into fewer levels with a derived variable first`,
      { levels: segments.size, max },
    );
  }
}
