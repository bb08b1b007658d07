import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { auditPopulations } from "./population-audit";
import { integerRref, smallUnionDetermined } from "./small-union";
import { decodePopulation } from "@/lib/store/repos/population-codec";
import { populationOf, type Population } from "./population";

const N = 40;
const pop = (ords: number[]): Population => populationOf(N, ords);
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

describe("pairwise rule", () => {
  it("refuses a nested pair that differs by 1..k−1, whatever produced them", () => {
    expect(auditPopulations([pop(range(0, 20))], [pop(range(0, 19))], { k: 5 })).toEqual({ allowed: false, rule: "pairwise" });
    expect(auditPopulations([pop(range(0, 20))], [pop(range(0, 15))], { k: 5 })).toEqual({ allowed: true });
  });
  it("allows the same population again", () => {
    expect(auditPopulations([pop(range(0, 20))], [pop(range(0, 20))], { k: 5 })).toEqual({ allowed: true });
  });
  it("refuses a population whose complement in the dataset is small", () => {
    expect(auditPopulations([], [pop(range(0, N - 2))], { k: 5 }).allowed).toBe(false);
  });
});

describe("linear audit", () => {
  it("finds A − B − C (no pair nested with a small difference)", () => {
    const a = pop(range(0, 20));
    const b = pop(range(0, 8));
    const c = pop(range(8, 17)); // a − b − c = 3 respondents
    expect(auditPopulations([a, b], [c], { k: 5, pairwise: false })).toEqual({ allowed: false, rule: "linear" });
    expect(auditPopulations([a, b], [c], { k: 5 }).allowed).toBe(false);
  });
  it("finds a NET minus its parts and a base minus the shown answers", () => {
    const base = pop(range(0, 30));
    const answers = [pop(range(0, 10)), pop(range(10, 20)), pop(range(20, 28))]; // the 4th answer holds 2
    expect(auditPopulations([base, answers[0], answers[1]], [answers[2]], { k: 5, pairwise: false })).toEqual({ allowed: false, rule: "linear" });
  });
  it("finds Denning's general tracker: q = (C ∨ T) + (C ∨ ¬T) − all", () => {
    // C: 2 people (0, 1); T: a tracker of 15 others; ¬T the rest
    const c = [0, 1];
    const t = range(10, 25);
    const notT = range(0, N).filter((x) => !t.includes(x));
    const cOrT = pop([...c, ...t]);
    const cOrNotT = pop(notT); // C ⊆ ¬T
    expect(auditPopulations([cOrT], [pop(t)], { k: 5, pairwise: false }).allowed).toBe(false);
    // the general tracker: neither query is small nor nested, yet (C ∨ T) + (C ∨ ¬T) − N = |C|
    expect(auditPopulations([cOrT], [cOrNotT], { k: 5 })).toEqual({ allowed: false, rule: "linear" });
    expect(auditPopulations([cOrT], [pop(range(25, 40))], { k: 5 })).toEqual({ allowed: true });
  });
  it("allows releases whose small atoms stay undetermined", () => {
    const a = pop(range(0, 20));
    const b = pop(range(10, 30)); // atoms 0..9, 10..19, 20..29, 30..39: all ≥ 5
    expect(auditPopulations([a], [b], { k: 5 })).toEqual({ allowed: true });
    // overlapping in 2: atoms {0..8}, {9,10}, {11..20}: the small atom is undetermined
    expect(auditPopulations([pop(range(0, 11))], [pop(range(9, 21))], { k: 5 })).toEqual({ allowed: true });
  });
  it("refuses conservatively past the search budget", () => {
    // no single row and no pair is a small 0/1 vector: the search hashes four subsets to prove it
    const rows = [[1, 0, 1, 1], [0, 1, 1, -1]];
    expect(smallUnionDetermined(rows, [2, 2, 2, 2], 5, 1)).toBe("budget");
    expect(smallUnionDetermined(rows, [2, 2, 2, 2], 5, 4)).toBe(false);
  });
  it("RREF is exact over the integers", () => {
    const big = BigInt;
    const { rows, pivots } = integerRref([[big(2), big(4)], [big(1), big(3)]], 2);
    expect(pivots).toEqual([0, 1]);
    expect(rows.map((r) => r.map(Number))).toEqual([[1, 0], [0, 1]]);
  });
  it("agrees with brute force: a 0/1 atom vector in the row space with 1..k−1 respondents", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 9 }),
        fc.array(fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 2, max: 9 }),
        (sizes, rowBits, k) => {
          const rows = rowBits.map((r) => sizes.map((_, a) => (r[a] ? 1 : 0)));
          const rank = (m: number[][]) => integerRref(m.map((r) => r.map((x) => BigInt(x))), sizes.length).rows.length;
          const without = rank(rows);
          // brute force: every union of atoms, is its indicator a rational combination of rows?
          let expected = false;
          for (let mask = 1; mask < 1 << sizes.length && !expected; mask++) {
            const total = sizes.reduce((s, x, a) => s + (mask & (1 << a) ? x : 0), 0);
            if (total < 1 || total >= k) continue;
            const target = sizes.map((_, a) => (mask & (1 << a) ? 1 : 0));
            if (rank([...rows, target]) === without) expected = true;
          }
          expect(smallUnionDetermined(rows, sizes, k, 1e6)).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("a recorded browsing history", () => {
  it("is decided within the search budget, and every request is admitted as the earlier exhaustive search admitted it", () => {
    // 16 requests, 121 populations over 2,527 respondents: 1,621 atoms, 1,561 of them under k; the
    // depth-first search this replaced needed 38 s on its last request (the roles journey timed out)
    const fixture = JSON.parse(readFileSync(new URL("../../test/fixtures/disclosure/analyst-browsing-history.json", import.meta.url), "utf8")) as { k: number; batches: string[][] };
    let released: Population[] = [];
    for (const batch of fixture.batches) {
      const candidate = batch.map(decodePopulation);
      expect(auditPopulations(released, candidate, { k: fixture.k })).toEqual({ allowed: true });
      released = [...released, ...candidate];
    }
    expect(released.length).toBe(121);
    // a stricter k on the same history: the linear rule finds a union of atoms under 7
    const lastFour = released.slice(-4);
    expect(auditPopulations(released.slice(0, -4), lastFour, { k: 7, pairwise: false })).toEqual({ allowed: false, rule: "linear" });
  });
});
