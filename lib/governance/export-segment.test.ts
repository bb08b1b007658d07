import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { FilterPlan } from "@/lib/analysis/plan";
import { mulberry32 } from "@/lib/stats/seeded-random";
import { assertExportFilters, filterColumns, protectSegment, shuffle, SMALL_SEGMENT_MESSAGE } from "./export-segment";
import { isKAnonymous } from "./k-anonymity";

const values = (column: string): FilterPlan => ({ kind: "values", column, values: ["x"] });
const status = (m: Record<string, "identifier" | "free-text" | "quasi" | "none">) => (c: string) => m[c] ?? "none";

const multiset = (rows: (string | null)[][]) => rows.map((r) => JSON.stringify(r)).sort();

describe("steering attack: filter on an identifier or free text", () => {
  test("a filter on an e-mail or id column is refused, naming the filter and never the value", () => {
    expect(() => assertExportFilters({ RecipientEmail: values("c1") }, status({ c1: "identifier" }))).toThrow("filters.RecipientEmail: a respondent export cannot be filtered on a direct identifier");
    expect(() => assertExportFilters({ comments: values("c2") }, status({ c2: "free-text" }))).toThrow("filters.comments: a respondent export cannot be filtered on free text");
  });
  test("a filter on an ordinary or quasi-identifier column is allowed and its columns reported", () => {
    expect(assertExportFilters({ country: values("c3"), status: values("c4") }, status({ c3: "quasi" }))).toEqual(["c3", "c4"]);
  });
  test("a multi-select filter reads every option column", () => {
    const multi: FilterPlan = { kind: "multi-any", choices: [{ option: "a", layout: { layout: "columns", optionColumn: "c5", allColumns: ["c5", "c6"], uncheckedCodes: [] } }] };
    expect(filterColumns([multi])).toEqual(["c5", "c6"]);
    expect(() => assertExportFilters({ tools: multi }, status({ c6: "identifier" }))).toThrow("direct identifier");
  });
});

describe("steering attack: filter down to a segment the k-anonymity step then suppresses", () => {
  test("a segment under k is refused exactly like an empty one (same code, same message)", () => {
    const k = 5;
    const errors = [0, 1, 4].map((n) => {
      try {
        protectSegment({ rows: Array.from({ length: n }, () => ["Malta", "yes"]), exported: 2, quasiIdentifiers: [0], k, random: Math.random });
        return null;
      } catch (e) {
        return { code: (e as { code: string }).code, message: (e as Error).message };
      }
    });
    expect(errors).toEqual([0, 1, 4].map(() => ({ code: "validation_failed", message: SMALL_SEGMENT_MESSAGE(k) })));
    expect(SMALL_SEGMENT_MESSAGE(k)).not.toMatch(/\b[0-4]\b/);
  });
  test("the filter column is a quasi-identifier of the export even when not written: the visible pattern is k-anonymous with it", () => {
    // segment: country ∈ {A, B}; exported: age. (B, 40) is unique: age 40 must not stay visible for it
    const rows = [...Array.from({ length: 5 }, () => ["30", "A"]), ["40", "B"], ...Array.from({ length: 5 }, () => ["40", "A"])];
    const out = protectSegment({ rows, exported: 1, quasiIdentifiers: [0, 1], k: 5, random: mulberry32(1) });
    expect(out.rows.every((r) => r.length === 1)).toBe(true);
    expect(multiset(out.rows)).toEqual(multiset([...Array.from({ length: 5 }, () => ["30"]), ...Array.from({ length: 5 }, () => ["40"]), ["*"]]));
  });
});

describe("steering attack: join two exports by row order", () => {
  test("the rows come in a fresh random order per export", () => {
    const rows = Array.from({ length: 40 }, (_, i) => [String(i)]);
    const a = protectSegment({ rows, exported: 1, quasiIdentifiers: [], k: 5, random: mulberry32(1) }).rows;
    const b = protectSegment({ rows, exported: 1, quasiIdentifiers: [], k: 5, random: mulberry32(2) }).rows;
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(rows);
  });

  test("property: the exported multiset does not depend on the shuffle, and it is k-anonymous on the visible and hidden quasi-identifiers", () => {
    const cell = fc.constantFrom("a", "b", "c", null);
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, fc.constantFrom("x", "y"), cell), { minLength: 0, maxLength: 60 }), fc.integer({ min: 2, max: 6 }), fc.integer(), fc.integer(), (tuples, k, s1, s2) => {
        const rows = tuples.map((t) => [...t]);
        const run = (seed: number) => protectSegment({ rows, exported: 3, quasiIdentifiers: [0, 1, 3], k, random: mulberry32(seed) });
        if (rows.length < k) {
          // no export ever holds a filtered segment under k
          expect(() => run(s1)).toThrow(SMALL_SEGMENT_MESSAGE(k));
          return;
        }
        const a = run(s1);
        const b = run(s2);
        expect(multiset(a.rows)).toEqual(multiset(b.rows));
        expect(a.rows.length).toBe(rows.length);
        expect(a.suppressed).toBe(b.suppressed);
        expect(isKAnonymous(a.rows, [0, 1], k) || rows.length < k).toBe(true);
      }),
    );
  });

  test("shuffle is a permutation", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (xs, seed) => {
        const out = shuffle(xs, mulberry32(seed));
        expect(out.slice().sort((a, b) => a - b)).toEqual(xs.slice().sort((a, b) => a - b));
      }),
    );
  });
});
