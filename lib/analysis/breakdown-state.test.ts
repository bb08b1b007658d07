import { describe, expect, test } from "vitest";
import { bannerSegments, parseBreakdownState, serializeBreakdownState, SUMMARY, toBannerSpec, toCrosstabSpec } from "./breakdown-state";

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

describe("banner view in the URL", () => {
  test("view and segments round-trip; old URLs keep the single breakdown", () => {
    const s = { outcome: "rolled_back", segment: "country", weight: "weight", filters: { industry: ["Retail"] }, view: "banner" as const, segments: ["guardrail_maturity", "country"] };
    const url = serializeBreakdownState(s).toString();
    expect(url).toContain("segments=guardrail_maturity%2Ccountry");
    expect(url).toContain("view=banner");
    expect(parseBreakdownState(new URLSearchParams(url))).toEqual(s);
    const old = parseBreakdownState(new URLSearchParams("outcome=a&category=x&segment=b"));
    expect(old.view).toBeUndefined();
    expect(old.segments).toBeUndefined();
  });

  test("a banner spec needs an outcome and a segment; the single segment seeds it", () => {
    expect(toBannerSpec({ outcome: "a", filters: {}, view: "banner" })).toBeNull();
    expect(toBannerSpec({ outcome: "a", segment: "b", filters: {} })?.segments).toEqual(["b"]);
    expect(toBannerSpec({ outcome: "a", segment: "b", segments: ["c", "a", "d"], sig: "holm", filters: { x: ["1"] } })).toEqual({
      outcome: "a",
      segments: ["c", "d"],
      unweighted: true,
      filters: { x: ["1"] },
      conf_level: 0.95,
      sig: "holm",
    });
    // a request without a weight says unweighted (the API would otherwise apply the dataset's default)
    expect(toBannerSpec({ outcome: "a", segment: "b", weight: "w", filters: {} })).toMatchObject({ weight: "w" });
    expect(toBannerSpec({ outcome: "a", segment: "b", weight: "w", filters: {} })).not.toHaveProperty("unweighted");
    expect(toCrosstabSpec({ outcome: "a", segment: "b", filters: {} }, { type: "numeric", codes: [] })?.spec).toMatchObject({ unweighted: true });
    expect(bannerSegments({ segment: "b", filters: {} })).toEqual(["b"]);
    // a grid needs no segment: its rows are the columns
    expect(toBannerSpec({ outcome: "grid", filters: {}, view: "banner" }, { grid: true })).toMatchObject({ outcome: "grid", segments: [] });
  });

  test("an unknown view or too many segments is dropped rather than trusted", () => {
    expect(parseBreakdownState(new URLSearchParams("outcome=a&view=evil"))).toEqual({ filters: {} });
    expect(parseBreakdownState(new URLSearchParams("outcome=a&segments=a,b,c,d,e"))).toEqual({ filters: {} });
  });
});
