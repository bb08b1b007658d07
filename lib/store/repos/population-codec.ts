/**
 * The stored form of a population (lib/disclosure/population.ts): base64 of varint(universe), a
 * tag, then a bitset, the gaps between members, or (start gap, run length) pairs, whichever is
 * shortest. Members stay sorted and unique, so equal populations encode equally.
 */
import type { Population } from "@/lib/disclosure/population";

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
 * Encode a population.
 * @example decodePopulation(encodePopulation({ universe: 100, members: Uint32Array.of(5, 6, 7, 50) })).members // [5, 6, 7, 50]
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
  return { universe, members: Uint32Array.from(out) };
}

