import { describe, expect, test } from "vitest";
import { parseBreakdownState, serializeBreakdownState } from "./breakdown-state";
import { detectDefaultWeight, effectiveWeight, pickWeight, pinWeight, resolveRequestWeight, usableDefaultWeight, withDefaultWeight } from "./default-weight";

const qs = [
  { id: "age", type: "numeric" },
  { id: "wt", type: "weight" },
  { id: "wt2", type: "weight" },
];

describe("default weight", () => {
  test("the import proposes the first weight column; none without one", () => {
    expect(detectDefaultWeight(qs)).toBe("wt");
    expect(detectDefaultWeight(qs.slice(0, 1))).toBeUndefined();
  });

  test("a default is used only while it names a weight question the viewer sees", () => {
    expect(usableDefaultWeight("wt", qs)).toBe("wt");
    expect(usableDefaultWeight("age", qs)).toBeUndefined();
    expect(usableDefaultWeight("gone", qs)).toBeUndefined();
    expect(usableDefaultWeight(null, qs)).toBeUndefined();
  });

  test("an explicit weight wins, unweighted switches the default off, else the default applies", () => {
    expect(effectiveWeight({}, "wt")).toBe("wt");
    expect(effectiveWeight({}, undefined)).toBeUndefined();
    expect(effectiveWeight({ unweighted: true }, "wt")).toBeUndefined();
    expect(effectiveWeight({ weight: "wt2" }, "wt")).toBe("wt2");
    expect(effectiveWeight({ weight: "wt2", unweighted: true }, "wt")).toBe("wt2");
  });

  test("URLs: weight= and unweighted=1 round-trip; a URL without either takes the default", () => {
    const off = parseBreakdownState(new URLSearchParams("outcome=q&segment=s&unweighted=1"));
    expect(off.unweighted).toBe(true);
    expect(serializeBreakdownState(off).toString()).toBe("outcome=q&segment=s&unweighted=1");
    expect(withDefaultWeight(off, "wt").weight).toBeUndefined();
    const plain = parseBreakdownState(new URLSearchParams("outcome=q&segment=s"));
    expect(withDefaultWeight(plain, "wt")).toEqual({ outcome: "q", segment: "s", filters: {}, weight: "wt" });
    expect(parseBreakdownState(new URLSearchParams("unweighted=yes")).unweighted).toBeUndefined();
    // an explicit weight makes unweighted redundant: it is not written
    expect(serializeBreakdownState({ weight: "w", unweighted: true, filters: {} }).toString()).toBe("weight=w");
  });

  test("picking in the analysis: unweighted is explicit only when a default would apply", () => {
    expect(pickWeight("", "wt")).toEqual({ weight: undefined, unweighted: true });
    expect(pickWeight("", undefined)).toEqual({ weight: undefined, unweighted: undefined });
    expect(pickWeight("wt2", "wt")).toEqual({ weight: "wt2", unweighted: undefined });
  });

  test("a saved view pins what it showed", () => {
    expect(pinWeight({ filters: {} }, "wt")).toEqual({ filters: {}, weight: "wt" });
    expect(pinWeight({ filters: {} }, undefined)).toEqual({ filters: {}, unweighted: true });
    expect(pinWeight({ filters: {}, unweighted: true }, "wt")).toEqual({ filters: {}, unweighted: true });
    expect(pinWeight({ filters: {}, weight: "wt2" }, "wt")).toEqual({ filters: {}, weight: "wt2" });
  });

  test("an API request gets the default unless it names a weight or switches weighting off", () => {
    expect(resolveRequestWeight({ outcome: "q1" }, "wt")).toEqual({ spec: { outcome: "q1", weight: "wt" }, weighting: { weight: "wt", source: "default" } });
    expect(resolveRequestWeight({ outcome: "q1", weight: "wt2" }, "wt")).toEqual({ spec: { outcome: "q1", weight: "wt2" }, weighting: { weight: "wt2", source: "request" } });
    expect(resolveRequestWeight({ outcome: "q1", unweighted: true }, "wt")).toEqual({ spec: { outcome: "q1", unweighted: true }, weighting: { weight: null, source: "unweighted" } });
    // a named weight wins over unweighted, as in the analysis URL
    expect(resolveRequestWeight({ outcome: "q1", weight: "wt2", unweighted: true }, "wt").weighting).toEqual({ weight: "wt2", source: "request" });
    expect(resolveRequestWeight({ outcome: "q1" }, undefined)).toEqual({ spec: { outcome: "q1" }, weighting: { weight: null, source: "none" } });
    // not an object: passed through for the spec schema to refuse
    expect(resolveRequestWeight("x", "wt").spec).toBe("x");
    expect(resolveRequestWeight(null, "wt").weighting.source).toBe("none");
  });
});
