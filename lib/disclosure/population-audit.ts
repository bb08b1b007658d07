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
import { isSubPopulation, populationKey, samePopulation, type Population } from "./population";

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

const SAFE = 2 ** 26; // a·x − b·y stays an exact double (< 2^53) while every factor is below 2^26

function gcdNumber(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * `integerRref` on doubles holding integers, exact while every entry stays below 2^26 (rows are
 * divided by their gcd when they grow); null when an entry would not, so the caller falls back to
 * BigInt. The 0/1 matrices of released populations rarely come near.
 */
export function numberRref(input: readonly (readonly number[])[], columns: number): { rows: number[][]; pivots: number[] } | null {
  const m = input.map((r) => Float64Array.from(r));
  const pivots: number[] = [];
  let r = 0;
  for (let j = 0; j < columns && r < m.length; j++) {
    let p = -1;
    for (let i = r; i < m.length; i++) if (m[i][j] !== 0) { p = i; break; }
    if (p < 0) continue;
    [m[r], m[p]] = [m[p], m[r]];
    const pr = m[r];
    if (pr[j] < 0) for (let c = 0; c < columns; c++) pr[c] = -pr[c];
    const a = pr[j];
    for (let i = 0; i < m.length; i++) {
      const row = m[i];
      const b = row[j];
      if (i === r || b === 0) continue;
      let max = 0;
      for (let c = 0; c < columns; c++) {
        const x = a * row[c] - b * pr[c];
        row[c] = x;
        const abs = x < 0 ? -x : x;
        if (abs > max) max = abs;
      }
      if (max >= SAFE) {
        let g = 0;
        for (let c = 0; c < columns && g !== 1; c++) if (row[c] !== 0) g = gcdNumber(g, row[c]);
        if (g > 1) for (let c = 0; c < columns; c++) row[c] /= g;
        if (max / g >= SAFE) return null;
      }
    }
    pivots.push(j);
    r++;
  }
  return { rows: m.slice(0, r).map((row) => Array.from(row)), pivots };
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
  const ordered = rows.map((row) => order.map((a) => row[a]));
  const firstSmall = large.length;
  // W's reduced basis: the rows pivoted on small atoms (zero on every large atom)
  const fast = numberRref(ordered, order.length);
  const basis = fast
    ? fast.rows.flatMap((row, i) => (fast.pivots[i] >= firstSmall ? [{ row: row.slice(firstSmall).map((x) => BigInt(x)), pivot: fast.pivots[i] - firstSmall }] : []))
    : (() => {
        const exact = integerRref(ordered.map((row) => row.map((x) => BigInt(x))), order.length);
        return exact.rows.map((row, i) => ({ row: row.slice(firstSmall), pivot: exact.pivots[i] - firstSmall })).filter((b) => b.pivot >= 0);
      })();
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
