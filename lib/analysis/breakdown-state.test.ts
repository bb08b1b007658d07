import { describe, expect, test } from "vitest";
import { parseBreakdownState, serializeBreakdownState, SUMMARY, toCrosstabSpec } from "./breakdown-state";

describe("breakdown state in the URL", () => {
  test("round-trips every choice including multi-value filters", () => {
    const s = { outcome: "rolled_back", category: "Yes", segment: "guardrail_maturity", weight: "weight", conf: 0.9, filters: { country: ["Brazil", "Mexico"], size: ["5,000+"] } };
    const url = serializeBreakdownState(s).toString();
    expect(parseBreakdownState(new URLSearchParams(url))).toEqual(s);
  });

  test("a malformed confidence level is dropped rather than trusted", () => {
    expect(parseBreakdownState(new URLSearchParams("outcome=a&conf=7"))).toEqual({ filters: {} });
  });

  const scale = { type: "ordinal", codes: ["1", "2", "3", "4", "5"] };
  const numeric = { type: "numeric", codes: [] };

  test("a spec is only produced once outcome, category and segment are chosen", () => {
    expect(toCrosstabSpec({ outcome: "a", filters: {} }, scale)).toBeNull();
    expect(toCrosstabSpec({ outcome: "a", segment: "b", filters: {} }, scale)).toBeNull();
    expect(toCrosstabSpec({ outcome: "a", segment: "b", filters: {} }, numeric)?.spec).toMatchObject({ statistic: "mean" });
    expect(toCrosstabSpec({ outcome: "a", category: "x", segment: "b", filters: {} }, scale)?.spec).toMatchObject({
      statistic: "proportion",
      outcome_category: "x",
      conf_level: 0.95,
    });
  });

  test("scale summaries become NETs, a mean score or NPS", () => {
    const base = { outcome: "a", segment: "b", filters: {} };
    expect(toCrosstabSpec({ ...base, category: SUMMARY.top2 }, scale)?.spec).toMatchObject({ outcome_category: ["4", "5"] });
    expect(toCrosstabSpec({ ...base, category: SUMMARY.bottom2 }, scale)?.spec).toMatchObject({ outcome_category: ["1", "2"] });
    expect(toCrosstabSpec({ ...base, category: SUMMARY.mean }, scale)?.spec).toMatchObject({ statistic: "mean" });
    expect(toCrosstabSpec({ ...base, category: SUMMARY.nps }, scale)?.endpoint).toBe("nps");
  });
});
