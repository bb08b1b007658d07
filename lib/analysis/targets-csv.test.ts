import { describe, expect, test } from "vitest";
import { parseTargetsCsv } from "./targets-csv";

describe("targets csv", () => {
  test("reads percentages and converts shares", () => {
    expect(parseTargetsCsv("variable,category,target\nsize,small,60\nsize,large,40\nregion,N,0.25\nregion,S,0.75")).toEqual({
      size: { small: "60", large: "40" },
      region: { N: "25", S: "75" },
    });
  });
  test("names the row of a bad target", () => {
    expect(() => parseTargetsCsv("variable,category,target\nsize,small,lots")).toThrow("row 2");
    expect(() => parseTargetsCsv("a,b\n1,2")).toThrow("variable,category,target");
  });
  test("a __proto__ category stays data", () => {
    const t = parseTargetsCsv("variable,category,target\n__proto__,x,100");
    expect(Object.keys(t)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
