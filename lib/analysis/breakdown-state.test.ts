import { describe, expect, test } from "vitest";
import { parseBreakdownState, serializeBreakdownState, toCrosstabSpec } from "./breakdown-state";

describe("breakdown state in the URL", () => {
  test("round-trips every choice including multi-value filters", () => {
    const s = { outcome: "rolled_back", category: "Yes", segment: "guardrail_maturity", weight: "weight", conf: 0.9, filters: { country: ["Brazil", "Mexico"], size: ["5,000+"] } };
    const url = serializeBreakdownState(s).toString();
    expect(parseBreakdownState(new URLSearchParams(url))).toEqual(s);
  });

  test("a malformed confidence level is dropped rather than trusted", () => {
    expect(parseBreakdownState(new URLSearchParams("outcome=a&conf=7"))).toEqual({ filters: {} });
  });

  test("a spec is only produced once outcome, category and segment are chosen", () => {
    expect(toCrosstabSpec({ outcome: "a", filters: {} }, false)).toBeNull();
    expect(toCrosstabSpec({ outcome: "a", segment: "b", filters: {} }, false)).toBeNull();
    expect(toCrosstabSpec({ outcome: "a", segment: "b", filters: {} }, true)).toMatchObject({ statistic: "mean" });
    expect(toCrosstabSpec({ outcome: "a", category: "x", segment: "b", filters: {} }, false)).toMatchObject({
      statistic: "proportion",
      outcome_category: "x",
      conf_level: 0.95,
    });
  });
});
