import type { Rng } from "./prng";
import { allocateCounts, pickWeighted, shuffle } from "./sampling";
import { MULTI_DELIMITER } from "./columns";

/** How one multi-select option is allocated. */
export interface MultiOption {
  code: string;
  /** share of answering respondents who choose it */
  share: number;
  /** relative pull of a respondent towards it (default 1) */
  weight?: (i: number) => number;
}

/**
 * A delimited multi-select where every option reaches its exact share of `answered`. A respondent
 * left with no option gets `none` (an exclusive "None of these") when given; otherwise they take
 * one option over from a respondent who chose two or more, so that every share still holds.
 *
 * @example
 * allocateMulti(rng, answered, [{ code: "A", share: 0.6 }, { code: "B", share: 0.5 }]);
 */
export function allocateMulti(rng: Rng, answered: readonly number[], options: readonly MultiOption[], none?: string): Map<number, string> {
  const chosen = new Map<number, string[]>(answered.map((i) => [i, []]));
  for (const opt of options) {
    const [k] = allocateCounts(answered.length, [opt.share, 1 - opt.share]);
    for (const i of pickWeighted(rng, answered, opt.weight ?? (() => 1), k)) chosen.get(i)?.push(opt.code);
  }
  const empty = answered.filter((i) => chosen.get(i)?.length === 0);
  if (none !== undefined) {
    for (const i of empty) chosen.set(i, [none]);
  } else {
    const donors = shuffle(
      rng,
      answered.filter((i) => (chosen.get(i)?.length ?? 0) >= 2),
    );
    let d = 0;
    for (const i of empty) {
      while (d < donors.length && (chosen.get(donors[d])?.length ?? 0) < 2) d++;
      const donor = chosen.get(donors[d]);
      if (!donor) throw new Error("multi-select: not enough respondents with two or more options to fill empty answers");
      const at = Math.floor(rng() * donor.length);
      chosen.set(i, donor.splice(at, 1));
    }
  }
  const order = new Map(options.map((o, j) => [o.code, j]));
  return new Map(
    [...chosen].map(([i, codes]) => [i, codes.sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99)).join(MULTI_DELIMITER)]),
  );
}
