import { describe, expect, it } from "vitest";
import { assignCells, postStratify } from "./cell";
import { caught } from "./weighting.fixtures";

const values = { country: ["US", "US", "UK", "UK", "UK", "DE"], size: ["s", "l", "s", "s", "l", "s"] };
const cells = [
  { match: { country: "US", size: "s" }, target: 1 },
  { match: { country: "US", size: "l" }, target: 1 },
  { match: { country: "UK", size: "s" }, target: 1 },
  { match: { country: "UK", size: "l" }, target: 1 },
  { match: { country: "DE", size: "s" }, target: 2 },
];

describe("assignCells", () => {
  it("finds each row's cell", () => {
    expect([...assignCells(values, cells)]).toEqual([0, 1, 2, 2, 3, 4]);
  });

  it("allows cells on fewer columns", () => {
    expect([...assignCells(values, [{ match: { country: "US" }, target: 1 }, { match: { country: "UK" }, target: 1 }, { match: { country: "DE" }, target: 1 }])]).toEqual([0, 0, 1, 1, 1, 2]);
  });

  it("says some rows match no cell, naming the columns but no row, value or count", () => {
    const e = caught(() => assignCells(values, cells.slice(0, 4)));
    expect(e.message).toBe("some rows match no cell: add a cell for every combination of country × size, or mark them missing");
    expect(e.message).not.toMatch(/DE|row \d|\d/);
  });

  it("rejects overlapping and duplicate cells", () => {
    expect(caught(() => assignCells(values, [...cells, { match: { country: "DE" }, target: 0 }])).message).toBe(
      "cells overlap: cells 5 and 6 (country=DE, size=s / country=DE) can match the same row",
    );
    // judged on the scheme: cells that no row matches still overlap
    expect(caught(() => assignCells(values, [...cells, { match: { country: "FR" }, target: 0 }, { match: { size: "xl" }, target: 0 }])).message).toMatch(
      /^cells overlap: cells 6 and 7 /,
    );
    expect(caught(() => assignCells(values, [...cells, { match: { size: "s", country: "DE" }, target: 0 }])).message).toBe(
      "duplicate cell: size=s, country=DE (cells 5 and 6)",
    );
  });
});

describe("postStratify", () => {
  const codes = Int32Array.of(0, 1, 2, 2, 3, 4);

  it("scales every cell to its target", () => {
    const w = postStratify(Float64Array.of(1, 1, 1, 3, 1, 1), codes, cells, "error").weights;
    expect([...w]).toEqual([1, 1, 0.25, 0.75, 1, 2]);
  });

  it("stops on a cell with a target and no rows (R's default)", () => {
    const withEmpty = [...cells, { match: { country: "FR", size: "s" }, target: 1 }];
    const e = caught(() => postStratify(new Float64Array(6).fill(1), codes, withEmpty, "error"));
    expect(e.kind).toBe("absent_category");
    expect(e.message).toBe("cell absent from data: country=FR, size=s");
  });

  it("drops it with partial (R's partial = TRUE)", () => {
    const withEmpty = [...cells, { match: { country: "FR", size: "s" }, target: 1 }];
    const r = postStratify(new Float64Array(6).fill(1), codes, withEmpty, "partial");
    expect(r.dropped).toEqual([5]);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it("accepts an empty cell with a zero target", () => {
    expect(postStratify(new Float64Array(6).fill(1), codes, [...cells, { match: { country: "FR" }, target: 0 }], "error").dropped).toEqual([]);
  });
});
