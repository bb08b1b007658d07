import type { Rng } from "./prng";
import { allocateCounts, pickSome, shuffle } from "./sampling";

/** Rows under construction: one record per respondent, column → value ("" = blank). */
export type Draft = Record<string, string>[];

/**
 * Indices `0 … n-1`.
 *
 * @example
 * range(3); // [0, 1, 2]
 */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * Fills `column` for all rows with exact counts per level (`shares`), in seeded random order,
 * independent of everything else.
 *
 * @example
 * fillShuffled(rng, rows, "role", ["C-suite", "VP"], [0.4, 0.6]);
 */
export function fillShuffled(rng: Rng, rows: Draft, column: string, levels: readonly string[], shares: readonly number[]): void {
  const counts = allocateCounts(rows.length, shares);
  const values = shuffle(
    rng,
    levels.flatMap((l, i) => new Array<string>(counts[i]).fill(l)),
  );
  rows.forEach((row, i) => {
    row[column] = values[i];
  });
}

/**
 * Splits `candidates` into those who answer and a seeded `blankShare` who leave the question
 * blank (item non-response). Returns the answering candidates.
 *
 * @example
 * const answered = leaveBlanks(rng, range(100), 0.03); // 97 indices
 */
export function leaveBlanks(rng: Rng, candidates: readonly number[], blankShare: number): number[] {
  const blanks = new Set(pickSome(rng, candidates, Math.round(candidates.length * blankShare)));
  return candidates.filter((i) => !blanks.has(i));
}

/**
 * Writes a level map into the rows; rows not in the map get "".
 *
 * @example
 * writeColumn(rows, "rolled_back", new Map([[0, "Yes"]]));
 */
export function writeColumn(rows: Draft, column: string, values: ReadonlyMap<number, string>): void {
  rows.forEach((row, i) => {
    row[column] = values.get(i) ?? "";
  });
}

/**
 * Indices of rows whose `column` equals one of `values`.
 *
 * @example
 * where(rows, "agent_status", "Live in production"); // [0, 3, …]
 */
export function where(rows: Draft, column: string, ...values: string[]): number[] {
  return rows.flatMap((row, i) => (values.includes(row[column]) ? [i] : []));
}

/**
 * ISO dates spread uniformly over [from, to] (inclusive, UTC), one per row.
 *
 * @example
 * fillDates(rng, rows, "field_date", "2026-01-05", "2026-02-27");
 */
export function fillDates(rng: Rng, rows: Draft, column: string, from: string, to: string): void {
  const day = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / day) + 1;
  for (const row of rows) row[column] = new Date(start + Math.floor(rng() * days) * day).toISOString().slice(0, 10);
}
