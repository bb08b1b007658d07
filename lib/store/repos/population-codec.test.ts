import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { populationOf } from "@/lib/disclosure/population";
import { decodePopulation, encodePopulation } from "./population-codec";

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

describe("population encoding", () => {
  it("round-trips every shape (bitset, deltas, runs)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.nat(), { maxLength: 300 }), (u, xs) => {
        const p = populationOf(u, xs.map((x) => x % u));
        expect([...decodePopulation(encodePopulation(p)).members]).toEqual([...p.members]);
      }),
    );
  });
  it("is compact for runs and sparse sets", () => {
    expect(encodePopulation(populationOf(1_000_000, range(0, 500_000))).length).toBeLessThan(20);
    expect(Buffer.from(encodePopulation(populationOf(100_000, [7, 90_000])), "base64").length).toBeLessThan(12);
  });
});

