import { describe, expect, it } from "vitest";
import { MAX_DISTINCT, MAX_VALUE_LENGTH } from "./limits";
import { Profiler } from "./profile";

const profileOf = (cells: string[], spaceLists = false) => {
  const p = new Profiler(1, [], { spaceLists });
  for (const c of cells) p.add([c]);
  return p.finish().columns[0];
};

describe("Profiler", () => {
  it("counts repeated values (memoised) exactly like first occurrences", () => {
    const c = profileOf(["a;b", "a;b", "a;b", " x ", "3", "3", "007", "2024-01-02", "2024-01-02", ""]);
    expect(c.nonEmpty).toBe(9);
    expect(c.values.counts.get("a;b")).toBe(3);
    expect(c.values.counts.get("3")).toBe(2);
    expect(c.numeric).toBe(2);
    expect(c.integer).toBe(2);
    expect([c.min, c.max]).toEqual([3, 3]);
    expect(c.leadingZero).toBe(1);
    expect(c.date).toBe(2);
    const semi = c.tokens[";"];
    expect(semi.cells).toBe(3);
    expect(semi.occurrences).toBe(3 * 2 + 1); // a, b three times; "x" once
    expect(semi.counts.get("a")).toBe(3);
    expect(semi.counts.get("x")).toBe(1);
    // ", " tokens of a cell without ", ": the trimmed cell itself
    expect(c.tokens[", "].counts.get("a;b")).toBe(3);
    expect(c.tokens[", "].cells).toBe(0);
    expect(c.maxLength).toBe(10);
  });

  it("counts quoted lists and ODK space lists only where they apply", () => {
    const c = profileOf(["['bike' ;  'radio']", "['bike' ;  'radio']", "bike radio"], true);
    expect(c.tokens["'"].counts.get("bike")).toBe(2);
    expect(c.tokens["'"].cells).toBe(2);
    expect(c.tokens[" "].counts.get("radio")).toBe(1);
    expect(profileOf(["bike radio"]).tokens[" "].occurrences).toBe(0);
  });

  it("keeps counting known values and tokens after the distinct cap overflows", () => {
    const cells = Array.from({ length: MAX_DISTINCT + 5 }, (_, i) => `v${i};common`);
    const c = profileOf([...cells, ...cells]);
    expect(c.values.overflow).toBe(true);
    expect(c.values.counts.size).toBe(MAX_DISTINCT);
    expect(c.values.counts.get("v0;common")).toBe(2);
    expect(c.tokens[";"].counts.get("common")).toBe(2 * cells.length);
    expect(c.tokens[";"].overflow).toBe(true);
  });

  it("treats long values as free text but still counts their tokens", () => {
    const long = `${"x".repeat(MAX_VALUE_LENGTH)};opt`;
    const c = profileOf([long, long]);
    expect(c.longValues).toBe(2);
    expect(c.values.counts.size).toBe(0);
    expect(c.tokens[";"].counts.get("opt")).toBe(2);
  });
});
