import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isKAnonymous, suppressToK, SUPPRESSED } from "./k-anonymity";

// "*" in the data itself reads exactly like a suppression in the output and is counted as one
const cell = fc.oneof(fc.constantFrom("a", "b", "c", "d"), fc.constant(null), fc.constant("*"));
const table = fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 60 }).map((rows) => ({ width, rows })));

describe("suppressToK", () => {
  it("property: every quasi-identifier pattern occurs ≥ k times or is fully suppressed; only QI cells change, and only to *", () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 31 }), ({ width, rows }, k, mask) => {
        const qi = [...Array(width).keys()].filter((j) => mask & (1 << j));
        const before = JSON.stringify(rows);
        const out = suppressToK(rows, qi, k);
        expect(isKAnonymous(out.rows, qi, k)).toBe(true);
        let changed = 0;
        out.rows.forEach((r, i) =>
          r.forEach((v, j) => {
            if (v === rows[i][j]) return;
            expect(qi).toContain(j);
            expect(v).toBe(SUPPRESSED);
            changed++;
          }),
        );
        expect(out.suppressed).toBe(changed);
        expect(Object.values(out.perColumn).reduce((a, b) => a + b, 0)).toBe(changed);
        expect(JSON.stringify(rows)).toBe(before); // the input is untouched
      }),
      { numRuns: 300 },
    );
  });

  it("already k-anonymous data is left exactly as it is", () => {
    const rows = [...Array(5)].flatMap(() => [
      ["f", "18-24", "x1"],
      ["m", "25-34", "x2"],
    ]);
    const out = suppressToK(rows, [0, 1], 5);
    expect(out.suppressed).toBe(0);
    expect(out.rows).toEqual(rows);
  });

  it("a unique combination loses its most identifying value, not the whole row", () => {
    const rows = [
      ...[...Array(5)].map(() => ["f", "18-24"]),
      ...[...Array(5)].map(() => ["m", "18-24"]),
      ["f", "75+"], // unique age band: suppressing the age puts it with nobody, suppressing sex neither…
      ...[...Array(4)].map(() => ["*", "75+"]), // …but four rows already read (*, 75+)
    ];
    const out = suppressToK(rows, [0, 1], 5);
    expect(out.rows[10]).toEqual([SUPPRESSED, "75+"]);
    expect(out.suppressed).toBe(1);
    expect(out.rowsAffected).toBe(1);
    expect(isKAnonymous(out.rows, [0, 1], 5)).toBe(true);
  });

  it("fewer than k rows in all: every quasi-identifier is suppressed, other columns stay", () => {
    const out = suppressToK([["f", "NL", "yes"], ["m", "DE", "no"]], [0, 1], 5);
    expect(out.rows).toEqual([
      ["*", "*", "yes"],
      ["*", "*", "no"],
    ]);
    expect(out.perColumn).toEqual({ 0: 2, 1: 2 });
  });

  it("no quasi-identifiers or k ≤ 1: nothing to do", () => {
    expect(suppressToK([["a"]], [], 5).suppressed).toBe(0);
    expect(suppressToK([["a"]], [0], 1).suppressed).toBe(0);
  });
});
