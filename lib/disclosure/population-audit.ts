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
 * trackers). Such a vector lives in W = rowspace ∩ span(atoms under k): Gauss–Jordan elimination
 * (integers, BigInt, no rounding) with the large atoms' columns first leaves W's reduced basis as
 * the rows whose pivots are small atoms; every 0/1 vector of W is fixed by its values on those
 * pivots, so a depth-first search over pivot choices (pivot atoms' sizes summing to < k, pruned
 * when a column can no longer end at 0 or 1) finds one exactly, or proves there is none. Past
 * `maxNodes` search nodes the candidate is refused (conservative).
 *
 * Cost: atoms ≤ min(respondents, 2^populations); elimination O(populations × atoms × rank)
 * big-integer steps; the search ≤ `maxNodes`. Measured in bench/differencing-audit.
 */
import { isSubPopulation, populationKey, type Population } from "./population";

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

/** Unique populations, in order. */
function dedupe(pops: readonly Population[]): Population[] {
  const seen = new Set<string>();
  return pops.filter((p) => {
    const key = populationKey(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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

/** Atoms of `pops` over `universe` respondents: each respondent's atom id, atom sizes, one member each. */
export function atomsOf(universe: number, pops: readonly Population[]): { atomOf: Int32Array; sizes: number[]; reps: number[] } {
  const atomOf = new Int32Array(universe);
  let count = 1;
  const inPop = new Uint8Array(universe);
  for (const p of pops) {
    for (const m of p.members) inPop[m] = 1;
    const remap = new Int32Array(2 * count).fill(-1);
    let next = 0;
    for (let r = 0; r < universe; r++) {
      const key = 2 * atomOf[r] + inPop[r];
      if (remap[key] < 0) remap[key] = next++;
      atomOf[r] = remap[key];
    }
    count = next;
    for (const m of p.members) inPop[m] = 0;
  }
  const sizes = new Array<number>(count).fill(0);
  const reps = new Array<number>(count).fill(-1);
  for (let r = 0; r < universe; r++) {
    sizes[atomOf[r]]++;
    if (reps[atomOf[r]] < 0) reps[atomOf[r]] = r;
  }
  return { atomOf, sizes, reps };
}

const ZERO = BigInt(0);
const ONE = BigInt(1);

function gcd(a: bigint, b: bigint): bigint {
  let x = a < ZERO ? -a : a;
  let y = b < ZERO ? -b : b;
  while (y !== ZERO) [x, y] = [y, x % y];
  return x;
}

function primitive(row: bigint[]): bigint[] {
  let g = ZERO;
  for (const x of row) if (x !== ZERO) g = gcd(g, x);
  return g > ONE ? row.map((x) => x / g) : row;
}

/**
 * Reduced row echelon form over the integers (each row primitive, pivot entry positive; the
 * rational RREF row is `row / row[pivot]`). Returns the rows with their pivot columns.
 */
export function integerRref(input: readonly (readonly bigint[])[], columns: number): { rows: bigint[][]; pivots: number[] } {
  const m = input.map((r) => [...r]);
  const pivots: number[] = [];
  let r = 0;
  for (let j = 0; j < columns && r < m.length; j++) {
    const p = m.findIndex((row, i) => i >= r && row[j] !== ZERO);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p], m[r]];
    if (m[r][j] < ZERO) m[r] = m[r].map((x) => -x);
    const a = m[r][j];
    for (let i = 0; i < m.length; i++) {
      const b = m[i][j];
      if (i === r || b === ZERO) continue;
      const pr = m[r];
      m[i] = primitive(m[i].map((x, c) => a * x - b * pr[c]));
    }
    pivots.push(j);
    r++;
  }
  return { rows: m.slice(0, r), pivots };
}

/**
 * Whether the row space of `rows` (over atoms with `sizes`) holds the indicator of a union of
 * atoms with 1..k−1 respondents; "budget" when the search would take more than `maxNodes` steps.
 * @example smallUnionDetermined([[1, 1, 1], [1, 1, 0]], [10, 10, 2], 5, 1000) // true (third atom = row 1 − row 2)
 */
export function smallUnionDetermined(rows: readonly (readonly number[])[], sizes: readonly number[], k: number, maxNodes: number): boolean | "budget" {
  const small = sizes.map((s, a) => ({ s, a })).filter((x) => x.s < k);
  if (small.length === 0 || rows.length === 0) return false;
  const large = sizes.map((s, a) => ({ s, a })).filter((x) => x.s >= k);
  const order = [...large.map((x) => x.a), ...small.map((x) => x.a)];
  const matrix = rows.map((row) => order.map((a) => BigInt(row[a])));
  const { rows: rref, pivots } = integerRref(matrix, order.length);
  const firstSmall = large.length;
  // W's reduced basis: the rows pivoted on small atoms (zero on every large atom)
  const basis = rref.map((row, i) => ({ row: row.slice(firstSmall), pivot: pivots[i] - firstSmall })).filter((b) => b.pivot >= 0);
  if (basis.length === 0) return false;
  const width = small.length;
  let lcm = ONE;
  for (const b of basis) lcm = (lcm * b.row[b.pivot]) / gcd(lcm, b.row[b.pivot]);
  // scaled so that a 0/1 vector of W has entries 0 or lcm
  const scaled = basis.map((b) => b.row.map((x) => (x * lcm) / b.row[b.pivot]));
  const sizeOf = small.map((x) => x.s);
  const isPivot = new Set(basis.map((b) => b.pivot));
  // the rest each later basis row can still add to a column: [min, max]
  const restLo: bigint[][] = [];
  const restHi: bigint[][] = [];
  for (let i = basis.length; i >= 0; i--) {
    const lo = new Array<bigint>(width).fill(ZERO);
    const hi = new Array<bigint>(width).fill(ZERO);
    if (i < basis.length)
      for (let c = 0; c < width; c++) {
        const x = scaled[i][c];
        lo[c] = restLo[0][c] + (x < ZERO ? x : ZERO);
        hi[c] = restHi[0][c] + (x > ZERO ? x : ZERO);
      }
    restLo.unshift(lo);
    restHi.unshift(hi);
  }
  let nodes = 0;
  const sum = new Array<bigint>(width).fill(ZERO);
  const search = (i: number, size: number, any: boolean): boolean | "budget" => {
    if (++nodes > maxNodes) return "budget";
    if (i === basis.length) {
      if (!any) return false;
      let total = 0;
      for (let c = 0; c < width; c++) {
        if (sum[c] === lcm) total += sizeOf[c];
        else if (sum[c] !== ZERO) return false;
      }
      return total >= 1 && total < k;
    }
    for (const take of [true, false]) {
      const nextSize = take ? size + sizeOf[basis[i].pivot] : size;
      if (nextSize >= k) continue;
      if (take) for (let c = 0; c < width; c++) sum[c] += scaled[i][c];
      // every non-pivot column must still be able to end at 0 or lcm
      let feasible = true;
      for (let c = 0; c < width && feasible; c++) {
        if (isPivot.has(c)) continue;
        const lo = sum[c] + restLo[i + 1][c];
        const hi = sum[c] + restHi[i + 1][c];
        feasible = (lo <= ZERO && ZERO <= hi) || (lo <= lcm && lcm <= hi);
      }
      const found = feasible ? search(i + 1, nextSize, any || take) : false;
      if (take) for (let c = 0; c < width; c++) sum[c] -= scaled[i][c];
      if (found) return found;
    }
    return false;
  };
  return search(0, 0, false);
}

/**
 * Whether `candidate` may be released to a viewer who was shown `released` (both within one
 * dataset of `universe` respondents; the whole dataset's size counts as released).
 * @example
 * auditPopulations([legal], [legalOneToFive], { k: 5 }) // { allowed: false, rule: "pairwise" } when they differ by 1
 */
export function auditPopulations(released: readonly Population[], candidate: readonly Population[], options: AuditOptions): AuditVerdict {
  const universe = candidate[0]?.universe ?? released[0]?.universe ?? 0;
  const known = new Set(released.map(populationKey));
  const fresh = dedupe(candidate).filter((p) => !known.has(populationKey(p)));
  if (fresh.length === 0) return { allowed: true };
  const all = dedupe([{ universe, members: Uint32Array.from({ length: universe }, (_, i) => i) }, ...released, ...fresh]);
  const k = options.k;
  if (options.pairwise !== false && pairwiseConflict(fresh, all.slice(0, all.length - fresh.length), k)) return { allowed: false, rule: "pairwise" };
  if (options.linear === false) return { allowed: true };
  const { sizes, reps } = atomsOf(universe, all);
  if (!sizes.some((s) => s < k)) return { allowed: true };
  const inPop = (p: Population) => {
    const set = new Uint8Array(universe);
    for (const m of p.members) set[m] = 1;
    return reps.map((r) => set[r]);
  };
  const verdict = smallUnionDetermined(all.map(inPop), sizes, k, options.maxNodes ?? DEFAULT_MAX_NODES);
  if (verdict === "budget") return { allowed: false, rule: "budget" };
  return verdict ? { allowed: false, rule: "linear" } : { allowed: true };
}
