import { describe, expect, it } from "vitest";
import { assertCardinality, MAX_LEVELS } from "./cardinality";

const cell = (segment: string | null, outcome: string | null = "Yes") => ({ segment, outcome, n: 1, sw: 1, sw2: 1, sy: 1, sy2: 1, swy: 1, swy2: 1, sw2y: 1, sw2y2: 1 });

describe("assertCardinality", () => {
  it("accepts up to the cap (missing segment not counted) and refuses one level more with a 422", () => {
    const at = [...Array(MAX_LEVELS).keys()].flatMap((i) => [cell(`s${i}`), cell(`s${i}`, "No")]);
    expect(() => assertCardinality({ outcomeCategories: ["Yes"], cells: [...at, cell(null)] })).not.toThrow();
    let err: unknown;
    try {
      assertCardinality({ outcomeCategories: ["Yes"], cells: [...at, cell("one-more")] });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: "invalid_spec", status: 422, details: { levels: MAX_LEVELS + 1, max: MAX_LEVELS } });
    expect(String((err as Error).message)).toMatch(/201 distinct values/);
  });

  it("refuses too many outcome categories", () => {
    expect(() => assertCardinality({ outcomeCategories: ["a", "b", "c"], cells: [] }, 2)).toThrow(/too many outcome categories: 3/);
  });
});
