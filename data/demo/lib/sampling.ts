import type { Rng } from "./prng";

/**
 * Splits `total` into integer counts proportional to `shares` (largest-remainder / Hamilton
 * rounding; ties go to the earlier share), so the counts always add up to `total`.
 *
 * @example
 * allocateCounts(10, [0.5, 0.25, 0.25]); // [5, 3, 2]
 */
export function allocateCounts(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (s / sum) * total);
  const counts = exact.map((x) => Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] += 1;
    left -= 1;
  }
  return counts;
}

/**
 * A new array in a seeded random order (Fisher–Yates).
 *
 * @example
 * shuffle(createRng("s"), [1, 2, 3]); // e.g. [3, 1, 2]
 */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Picks exactly `k` of `candidates` without replacement, each with probability rising with its
 * weight (Efraimidis–Spirakis keys u^(1/w)). Returns the chosen candidates in input order.
 *
 * @example
 * pickWeighted(rng, [0, 1, 2, 3], (i) => (i === 3 ? 5 : 1), 2); // usually includes 3
 */
export function pickWeighted(rng: Rng, candidates: readonly number[], weight: (i: number) => number, k: number): number[] {
  if (k > candidates.length) throw new Error(`cannot pick ${k} of ${candidates.length}`);
  const keyed = candidates.map((i) => {
    const w = weight(i);
    const u = rng();
    return { i, key: w > 0 ? Math.log(u === 0 ? Number.MIN_VALUE : u) / w : -Infinity };
  });
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  return keyed
    .slice(0, k)
    .map((x) => x.i)
    .sort((a, b) => a - b);
}

/**
 * Gives each candidate exactly one of `levels`, with exact counts from `shares`. Levels are filled
 * in order, each picked with `weight(i, level)`; the last level takes whoever is left.
 *
 * @example
 * assignLevels(rng, [0, 1, 2, 3], ["Yes", "No"], [0.75, 0.25]); // Map {0→"Yes", …} with 3 Yes
 */
export function assignLevels<L extends string>(
  rng: Rng,
  candidates: readonly number[],
  levels: readonly L[],
  shares: readonly number[],
  weight: (i: number, level: L) => number = () => 1,
): Map<number, L> {
  const counts = allocateCounts(candidates.length, shares);
  const out = new Map<number, L>();
  let pool = candidates.slice();
  levels.forEach((level, li) => {
    const chosen = li === levels.length - 1 ? pool : pickWeighted(rng, pool, (i) => weight(i, level), counts[li]);
    const taken = new Set(chosen);
    for (const i of chosen) out.set(i, level);
    pool = pool.filter((i) => !taken.has(i));
  });
  return out;
}

/**
 * A standard normal draw (Box–Muller).
 *
 * @example
 * normal(rng); // e.g. -0.42
 */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Cuts a score per candidate into ordered levels with exact counts: the lowest scores get the
 * first level. Used to turn correlated latent normals into Likert answers with fixed marginals.
 *
 * @example
 * cutByRank([0, 1, 2], [0.2, -1, 3], ["1", "2"], [2, 1]); // Map {1→"1", 0→"1", 2→"2"}
 */
export function cutByRank<L extends string>(
  candidates: readonly number[],
  score: readonly number[],
  levels: readonly L[],
  shares: readonly number[],
): Map<number, L> {
  const counts = allocateCounts(candidates.length, shares);
  const sorted = candidates.slice().sort((a, b) => score[a] - score[b] || a - b);
  const out = new Map<number, L>();
  let at = 0;
  levels.forEach((level, li) => {
    for (let j = 0; j < counts[li]; j++) out.set(sorted[at++], level);
  });
  return out;
}

/**
 * Seeded subset of exactly `k` candidates, uniformly at random, in input order.
 *
 * @example
 * pickSome(rng, [10, 11, 12], 1); // e.g. [11]
 */
export function pickSome(rng: Rng, candidates: readonly number[], k: number): number[] {
  return pickWeighted(rng, candidates, () => 1, k);
}
