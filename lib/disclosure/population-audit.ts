/**
 * The differencing audit, judged on populations (the respondents each released number sums over),
 * whatever outcome, category, weight, version or route produced them.
 *
 * (a) **Pairwise** (fast path): a candidate population Q and any released population P (or
 * another candidate, or the whole dataset) where one contains the other and the sizes differ by
 * 1..k−1 give away that difference.
 *
 * (b) **Linear audit** (exact): respondents are split into *atoms*, the groups that belong to
 * exactly the same released populations. Every released count (and every Σy of a mean or weighted
 * estimate) is a row over atoms. An intruder can compute any vector of the row space, so the
 * release is refused when the row space contains the indicator of a union of atoms holding
 * 1..k−1 respondents (A − B − C chains, NET minus parts, a banner base minus its answers, Denning's
 * trackers). Such a vector lives in W = rowspace ∩ span(atoms under k); lib/disclosure/small-union.ts
 * finds one exactly (integer Gauss–Jordan, then a search over W's reduced basis guided by the
 * columns that are not yet 0 or 1), or proves there is none. Past
 * `maxNodes` search nodes the candidate is refused (conservative).
 *
 * Cost: atoms ≤ min(respondents, 2^populations); elimination O(populations × atoms × rank)
 * big-integer steps; the search ≤ `maxNodes` (each node touches only the rows' non-zero entries). Measured in bench/differencing-audit.
 */
import { isSubPopulation, populationKey, samePopulation, type Population } from "./population";
import { smallUnionDetermined } from "./small-union";

/** Test-only switches: each rule can be turned off to prove the adversary test notices. */
export interface AuditSwitches {
  pairwise?: boolean;
  linear?: boolean;
}

export interface AuditOptions extends AuditSwitches {
  k: number;
  /** search nodes before refusing conservatively (default 200 000) */
  maxNodes?: number;
}

export type AuditVerdict = { allowed: true } | { allowed: false; rule: "pairwise" | "linear" | "budget" };

const DEFAULT_MAX_NODES = 200_000;

/** Populations keyed by hash, members compared on a match. */
class PopulationSet {
  private readonly byKey = new Map<string, Population[]>();
  has(p: Population): boolean {
    return (this.byKey.get(populationKey(p)) ?? []).some((q) => samePopulation(p, q));
  }
  /** Add; false when already there. */
  add(p: Population): boolean {
    const key = populationKey(p);
    const list = this.byKey.get(key) ?? [];
    if (list.some((q) => samePopulation(p, q))) return false;
    list.push(p);
    this.byKey.set(key, list);
    return true;
  }
}

/** Unique populations, in order. */
function dedupe(pops: readonly Population[]): Population[] {
  const seen = new PopulationSet();
  return pops.filter((p) => seen.add(p));
}

function pairwiseConflict(candidate: readonly Population[], released: readonly Population[], k: number): boolean {
  const small = (d: number) => d >= 1 && d < k;
  const others = [...released, ...candidate];
  for (const q of candidate) {
    if (small(q.members.length)) return true;
    for (const p of others) {
      if (p === q) continue;
      const d = p.members.length - q.members.length;
      if (!small(Math.abs(d))) continue;
      if (d > 0 ? isSubPopulation(q, p) : isSubPopulation(p, q)) return true;
    }
  }
  return false;
}

/**
 * Atoms of `pops` over `universe` respondents (partition refinement, O(Σ population sizes)):
 * each respondent's atom id, atom sizes, one member each.
 */
export function atomsOf(universe: number, pops: readonly Population[]): { atomOf: Int32Array; sizes: number[]; reps: number[] } {
  const atomOf = new Int32Array(universe);
  const sizes: number[] = universe > 0 ? [universe] : [];
  let hits = new Int32Array(Math.max(1, universe));
  let split = new Int32Array(Math.max(1, universe));
  for (const p of pops) {
    const touched: number[] = [];
    for (const m of p.members) {
      const a = atomOf[m];
      if (hits[a]++ === 0) touched.push(a);
    }
    for (const a of touched) {
      if (hits[a] < sizes[a]) {
        split[a] = sizes.length;
        sizes.push(hits[a]);
        sizes[a] -= hits[a];
      } else split[a] = -1;
      hits[a] = 0;
    }
    if (sizes.length > hits.length) {
      hits = Int32Array.from({ length: sizes.length * 2 }, (_, i) => hits[i] ?? 0);
      split = Int32Array.from({ length: sizes.length * 2 }, (_, i) => split[i] ?? 0);
    }
    for (const m of p.members) {
      const to = split[atomOf[m]];
      if (to >= 0) atomOf[m] = to;
    }
    // (split[] of atoms created in this pass is never read: their members already moved)
    for (const a of touched) split[a] = -1;
  }
  const reps = new Array<number>(sizes.length).fill(-1);
  for (let r = 0; r < universe; r++) if (reps[atomOf[r]] < 0) reps[atomOf[r]] = r;
  return { atomOf, sizes, reps };
}

/**
 * Whether `candidate` may be released to a viewer who was shown `released` (both within one
 * dataset of `universe` respondents; the whole dataset's size counts as released).
 * @example
 * auditPopulations([legal], [legalOneToFive], { k: 5 }) // { allowed: false, rule: "pairwise" } when they differ by 1
 */
export function auditPopulations(released: readonly Population[], candidate: readonly Population[], options: AuditOptions): AuditVerdict {
  const universe = candidate[0]?.universe ?? released[0]?.universe ?? 0;
  const known = new PopulationSet();
  for (const p of released) known.add(p);
  const fresh = dedupe(candidate).filter((p) => !known.has(p));
  if (fresh.length === 0) return { allowed: true };
  const all = dedupe([{ universe, members: Uint32Array.from({ length: universe }, (_, i) => i) }, ...released, ...fresh]);
  const k = options.k;
  if (options.pairwise !== false && pairwiseConflict(fresh, all.slice(0, all.length - fresh.length), k)) return { allowed: false, rule: "pairwise" };
  if (options.linear === false) return { allowed: true };
  const { atomOf, sizes } = atomsOf(universe, all);
  if (!sizes.some((s) => s < k)) return { allowed: true };
  // a population is a union of atoms: its row marks the atoms of its members
  const inPop = (p: Population) => {
    const row = new Array<number>(sizes.length).fill(0);
    for (const m of p.members) row[atomOf[m]] = 1;
    return row;
  };
  const verdict = smallUnionDetermined(all.map(inPop), sizes, k, options.maxNodes ?? DEFAULT_MAX_NODES);
  if (verdict === "budget") return { allowed: false, rule: "budget" };
  return verdict ? { allowed: false, rule: "linear" } : { allowed: true };
}
