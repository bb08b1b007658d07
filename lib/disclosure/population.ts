/**
 * A **population**: the set of respondents one released number sums over (a cell's n, a shown
 * category count, a mean's Σy). Respondents are named by their row ordinal in file order
 * (`dialect.rowOrder`: DuckDB `rowid`, PostgreSQL `rid`), which every version of a dataset keeps
 * (schema edits reuse the table; derived versions copy it in row order), so populations compare
 * across versions, analyses and routes.
 *
 * Stored compactly: the cheapest of a bitset, a delta list or a run list, as base64.
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

function pushVarint(out: number[], v: number): void {
  let x = v;
  while (x >= 0x80) {
    out.push((x % 0x80) | 0x80);
    x = Math.floor(x / 0x80);
  }
  out.push(x);
}

function readVarint(bytes: Uint8Array, at: { i: number }): number {
  let v = 0;
  let mul = 1;
  for (;;) {
    if (at.i >= bytes.length) throw new RangeError("truncated population");
    const b = bytes[at.i++];
    v += (b & 0x7f) * mul;
    if (b < 0x80) return v;
    mul *= 0x80;
  }
}

const TAG = { bitset: 0, deltas: 1, runs: 2 } as const;

/**
 * Compact text form: base64 of varint(universe), a tag, then a bitset, the gaps between members,
 * or (start gap, run length) pairs, whichever is shortest.
 * @example decodePopulation(encodePopulation(populationOf(100, [5, 6, 7, 50]))).members // [5, 6, 7, 50]
 */
export function encodePopulation(p: Population): string {
  const head: number[] = [];
  pushVarint(head, p.universe);
  const deltas: number[] = [TAG.deltas];
  pushVarint(deltas, p.members.length);
  let prev = -1;
  for (const m of p.members) {
    pushVarint(deltas, m - prev - 1);
    prev = m;
  }
  const runs: number[] = [TAG.runs];
  const pairs: number[] = [];
  prev = -1;
  for (let i = 0; i < p.members.length; ) {
    let j = i;
    while (j + 1 < p.members.length && p.members[j + 1] === p.members[j] + 1) j++;
    pairs.push(p.members[i] - prev - 1, j - i + 1);
    prev = p.members[j];
    i = j + 1;
  }
  pushVarint(runs, pairs.length / 2);
  for (const x of pairs) pushVarint(runs, x);
  const bitsetLength = 1 + Math.ceil(p.universe / 8);
  let body: number[] | Uint8Array;
  if (bitsetLength < deltas.length && bitsetLength < runs.length) {
    const bits = new Uint8Array(bitsetLength);
    bits[0] = TAG.bitset;
    for (const m of p.members) bits[1 + (m >> 3)] |= 1 << (m & 7);
    body = bits;
  } else body = deltas.length <= runs.length ? deltas : runs;
  return Buffer.concat([Uint8Array.from(head), Uint8Array.from(body)]).toString("base64");
}

/** Inverse of {@link encodePopulation}. */
export function decodePopulation(text: string): Population {
  const bytes = new Uint8Array(Buffer.from(text, "base64"));
  const at = { i: 0 };
  const universe = readVarint(bytes, at);
  const tag = bytes[at.i++];
  const out: number[] = [];
  if (tag === TAG.bitset) {
    for (let m = 0; m < universe; m++) if (bytes[at.i + (m >> 3)] & (1 << (m & 7))) out.push(m);
  } else if (tag === TAG.deltas) {
    const n = readVarint(bytes, at);
    let prev = -1;
    for (let i = 0; i < n; i++) out.push((prev = prev + 1 + readVarint(bytes, at)));
  } else if (tag === TAG.runs) {
    const n = readVarint(bytes, at);
    let prev = -1;
    for (let i = 0; i < n; i++) {
      const start = prev + 1 + readVarint(bytes, at);
      const len = readVarint(bytes, at);
      for (let j = 0; j < len; j++) out.push(start + j);
      prev = start + len - 1;
    }
  } else throw new RangeError("unknown population encoding");
  return populationOf(universe, out);
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
