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

describe("Profiler.addValue (the counted form used by the bulk import)", () => {
  /** a seeded column: repeated options, multi-select lists, numbers, long text and > MAX_DISTINCT distinct values */
  function cells(n: number): string[] {
    let s = 7;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const long = "x".repeat(MAX_VALUE_LENGTH + 1);
    return Array.from({ length: n }, (_, i) => {
      const r = rnd();
      if (r < 0.1) return "";
      if (r < 0.3) return ["a;b", "b;c", "a", "c;d;a"][i % 4];
      if (r < 0.4) return String(Math.floor(rnd() * 50));
      if (r < 0.45) return `${long} ${i % 3}, and, more`;
      if (r < 0.5) return `t${i % 1300}, u${i % 7}`;
      return `free text ${i}`;
    });
  }

  it("gives the row-by-row profile when fed distinct values in order of first appearance", () => {
    const column = cells(6 * MAX_DISTINCT);
    const rows = new Profiler(2, [[0, 1]]);
    for (const c of column) rows.add([c, c === "a" ? "0" : ""]);
    const counted = new Profiler(2, [[0, 1]]);
    const firstSeen = new Map<string, number>();
    for (const c of column) if (c !== "") firstSeen.set(c, (firstSeen.get(c) ?? 0) + 1);
    for (const [value, count] of firstSeen) counted.addValue(0, value, count);
    counted.addValue(1, "0", column.filter((c) => c === "a").length);
    counted.addRows(column.length);
    expect(counted.groupColumns).toEqual([[0, 1]]);
    counted.setAnswered(0, rows.finish().groups.get("0,1")!.answered);
    const a = rows.finish();
    const b = counted.finish();
    expect(a.columns[0].values.overflow).toBe(true);
    expect(b).toEqual(a);
    expect([...b.columns[0].values.counts.keys()]).toEqual([...a.columns[0].values.counts.keys()]);
    expect([...b.columns[0].tokens[", "].counts.keys()]).toEqual([...a.columns[0].tokens[", "].counts.keys()]);
  });

  it("differs when the values come in another order (the order is part of the contract)", () => {
    const column = cells(6 * MAX_DISTINCT);
    const rows = new Profiler(1);
    for (const c of column) rows.add([c]);
    const counts = new Map<string, number>();
    for (const c of column) if (c !== "") counts.set(c, (counts.get(c) ?? 0) + 1);
    const reversed = new Profiler(1);
    for (const [value, count] of [...counts].reverse()) reversed.addValue(0, value, count);
    reversed.addRows(column.length);
    expect(reversed.finish()).not.toEqual(rows.finish());
  });
});
