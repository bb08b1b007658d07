/**
 * The exact core of the differencing audit's linear rule: Gauss–Jordan elimination over the
 * integers (doubles while exact, BigInt otherwise) and the search for a 0/1 vector of atoms with
 * 1..k−1 respondents in the row space of the released populations (lib/disclosure/population-audit.ts).
 */
import { mulberry32 } from "@/lib/stats/seeded-random";

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
 *
 * Such a vector v lies in W = rowspace ∩ span(small atoms). Gauss–Jordan with the large atoms'
 * columns first leaves W's reduced basis as the rows pivoted on small atoms, and v is the sum of
 * the rows S whose pivots it covers (a pivot column is non-zero in its own row only). Those pivots
 * are in v's support, so |S| ≤ k − 1 and their sizes sum below k, and v is 0 on every other column
 * but at most k − 2 (the set E). See `meetInTheMiddle` for how S is found.
 *
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
  return meetInTheMiddle(basis, small.map((x) => x.s), k, maxNodes);
}

/** a prime below 2^26: residues multiply exactly in doubles (< 2^52), and two of them make one exact key */
const P = 67_108_859;
const BIG_P = BigInt(P);

function residue(x: bigint): number {
  const r = Number(x % BIG_P);
  return r < 0 ? r + P : r;
}

function inverse(a: number): number {
  let [r0, r1, t0, t1] = [P, a, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return t0 < 0 ? t0 + P : t0;
}

/** deterministic weights in 1..p−1 (correctness never depends on them: they only decide how many candidates are checked) */
function weights(n: number, seed: number): number[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, () => Math.floor(rnd() * (P - 1)) + 1);
}

interface SparseRow {
  pivot: number;
  scale: bigint;
  cols: number[];
  vals: bigint[];
}

/**
 * The search of `smallUnionDetermined`. The non-pivot columns are dealt into k − 1 blocks; v is 0
 * on E's complement, which covers one whole block (E has at most k − 2 columns). A linear hash of
 * a block, h(v) = Σ ρ_c·v_c mod p, is then 0 for the sum of S's rows, so S = A ∪ B (A its first
 * ⌈(k−1)/2⌉ rows, B the rest) satisfies h(A) = −h(B) on that block: every subset of at most
 * ⌈(k−1)/2⌉ rows (pivot sizes below k) is hashed once per block, matching pairs are candidates, and
 * each candidate is checked exactly (BigInt). No solution can be missed (a solution's hash is 0
 * exactly, whatever the weights); a false candidate only costs its check. Past `maxNodes` subsets,
 * "budget".
 */
function meetInTheMiddle(basis: readonly { row: readonly bigint[]; pivot: number }[], sizeOf: readonly number[], k: number, maxNodes: number): boolean | "budget" {
  const rows: SparseRow[] = basis.map((b) => {
    const cols: number[] = [];
    const vals: bigint[] = [];
    b.row.forEach((x, c) => {
      if (x !== ZERO) {
        cols.push(c);
        vals.push(x);
      }
    });
    return { pivot: b.pivot, scale: b.row[b.pivot], cols, vals };
  });
  const isPivot = new Set(rows.map((r) => r.pivot));
  const blocks = Math.max(1, k - 1);
  const blockOf = new Int32Array(sizeOf.length).fill(-1);
  let dealt = 0;
  for (let c = 0; c < sizeOf.length; c++) if (!isPivot.has(c)) blockOf[c] = dealt++ % blocks;
  const [rho1, rho2] = [weights(sizeOf.length, 0x5eed1), weights(sizeOf.length, 0x5eed2)];
  // per row and block: the two hashes of the row divided by its pivot entry
  const hashes: number[][][] = [];
  for (const r of rows) {
    const a = residue(r.scale);
    if (a === 0) return "budget"; // a pivot entry divisible by p (never seen): refuse rather than guess
    const inv = inverse(a);
    const h = Array.from({ length: blocks }, () => [0, 0]);
    r.cols.forEach((c, j) => {
      const b = blockOf[c];
      if (b < 0) return;
      const x = residue(r.vals[j]);
      h[b][0] = (h[b][0] + ((x * rho1[c]) % P)) % P;
      h[b][1] = (h[b][1] + ((x * rho2[c]) % P)) % P;
    });
    hashes.push(h.map(([x, y]) => [(x * inv) % P, (y * inv) % P]));
  }
  // every subset of at most `half` rows whose pivot sizes sum below k, with its hash per block
  const half = Math.ceil((k - 1) / 2);
  const subsets: { members: number[]; size: number; key: number[] }[] = [];
  const grow = (from: number, members: number[], size: number, h: number[][]): boolean => {
    if (subsets.length >= maxNodes) return false;
    subsets.push({ members: [...members], size, key: h.map(([x, y]) => x * P + y) });
    if (members.length === half) return true;
    for (let i = from; i < rows.length; i++) {
      const s = size + sizeOf[rows[i].pivot];
      if (s >= k) continue;
      members.push(i);
      const ok = grow(i + 1, members, s, h.map(([x, y], b) => [(x + hashes[i][b][0]) % P, (y + hashes[i][b][1]) % P]));
      members.pop();
      if (!ok) return false;
    }
    return true;
  };
  if (!grow(0, [], 0, Array.from({ length: blocks }, () => [0, 0]))) return "budget";
  const checked = new Set<string>();
  const negate = (key: number) => {
    const x = Math.floor(key / P);
    const y = key - x * P;
    return ((P - x) % P) * P + ((P - y) % P);
  };
  for (let b = 0; b < blocks; b++) {
    const byKey = new Map<number, number[]>();
    subsets.forEach((s, i) => {
      const bucket = byKey.get(s.key[b]);
      if (bucket) bucket.push(i);
      else byKey.set(s.key[b], [i]);
    });
    for (const a of subsets) {
      const last = a.members.length ? a.members[a.members.length - 1] : -1;
      for (const j of byKey.get(negate(a.key[b])) ?? []) {
        const other = subsets[j];
        if (other.members.length === 0 ? a.members.length === 0 : other.members[0] <= last) continue;
        if (a.size + other.size >= k || a.members.length + other.members.length > k - 1) continue;
        const members = [...a.members, ...other.members];
        const id = members.join(",");
        if (checked.has(id)) continue;
        checked.add(id);
        if (isSmallIndicator(rows, members, sizeOf, k)) return true;
      }
    }
  }
  return false;
}

/** Exactly: is the sum of these rows (each divided by its pivot entry) 0/1 with 1..k−1 respondents? */
function isSmallIndicator(rows: readonly SparseRow[], members: readonly number[], sizeOf: readonly number[], k: number): boolean {
  let lcm = ONE;
  for (const i of members) lcm = (lcm * rows[i].scale) / gcd(lcm, rows[i].scale);
  const sum = new Map<number, bigint>();
  for (const i of members) {
    const f = lcm / rows[i].scale;
    rows[i].cols.forEach((c, j) => sum.set(c, (sum.get(c) ?? ZERO) + f * rows[i].vals[j]));
  }
  let total = 0;
  for (const [c, x] of sum) {
    if (x === lcm) total += sizeOf[c];
    else if (x !== ZERO) return false;
    if (total >= k) return false;
  }
  return total >= 1;
}
