/**
 * A **population**: the set of respondents one released number sums over (a cell's n, a shown
 * category count, a mean's Σy). Respondents are named by their row ordinal in file order
 * (`dialect.rowOrder`: DuckDB `rowid`, PostgreSQL `rid`), which every version of a dataset keeps
 * (schema edits reuse the table; derived versions copy it in row order), so populations compare
 * across versions, analyses and routes.
 *
 * Stored compactly by the store (lib/store/repos/population-codec.ts).
 */

/** Respondent ordinals, strictly increasing, each in 0..universe−1. */
export interface Population {
  universe: number;
  members: Uint32Array;
}

/**
 * A population from any ordinals (sorted and de-duplicated here).
 * @example populationOf(10, [3, 1, 1]).members // Uint32Array [1, 3]
 */
export function populationOf(universe: number, ordinals: Iterable<number>): Population {
  const sorted = [...new Set(ordinals)].sort((a, b) => a - b);
  for (const o of sorted) if (!Number.isInteger(o) || o < 0 || o >= universe) throw new RangeError("ordinal outside the dataset");
  return { universe, members: Uint32Array.from(sorted) };
}

/** Every respondent of the dataset (its row count is released as metadata). */
export function universeOf(universe: number): Population {
  return { universe, members: Uint32Array.from({ length: universe }, (_, i) => i) };
}

/**
 * A 64-bit hash of a population's members (two FNV-1a lanes) with its size: equal populations
 * have equal keys; callers compare members on a key match ({@link samePopulation}).
 * @example populationKey(populationOf(9, [1, 2])) === populationKey(populationOf(9, [2, 1])) // true
 */
export function populationKey(p: Population): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ p.members.length;
  for (const m of p.members) {
    h1 = Math.imul(h1 ^ m, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (m + 0x9e3779b9), 0x85ebca6b) >>> 0;
  }
  return `${p.universe}:${p.members.length}:${h1.toString(36)}:${h2.toString(36)}`;
}

/** Whether two populations have the same members. */
export function samePopulation(a: Population, b: Population): boolean {
  if (a.members.length !== b.members.length) return false;
  for (let i = 0; i < a.members.length; i++) if (a.members[i] !== b.members[i]) return false;
  return true;
}

/**
 * Whether every member of `narrow` is in `wide` (both sorted).
 * @example isSubPopulation(populationOf(9, [2]), populationOf(9, [1, 2])) // true
 */
export function isSubPopulation(narrow: Population, wide: Population): boolean {
  if (narrow.members.length > wide.members.length) return false;
  let j = 0;
  for (const m of narrow.members) {
    while (j < wide.members.length && wide.members[j] < m) j++;
    if (j >= wide.members.length || wide.members[j] !== m) return false;
    j++;
  }
  return true;
}
