import { describe, expect, it } from "vitest";
import { normalizeViewQuery, viewHrefQuery, viewState } from "./query";

describe("normalizeViewQuery", () => {
  it("re-serialises the analyze page's state in canonical order and drops unknown keys", () => {
    expect(normalizeViewQuery("?segment=country&outcome=rolled_back&junk=1&category=Yes&f.agent_status=Live%20in%20production")).toBe(
      "outcome=rolled_back&category=Yes&segment=country&unweighted=1&f.agent_status=Live+in+production",
    );
    expect(viewState("outcome=a&segment=b&f.c=x|y").filters).toEqual({ c: ["x", "y"] });
  });

  it("writes out the weighting: the explicit weight, else the dataset's default at saving, else unweighted", () => {
    expect(normalizeViewQuery("outcome=q&category=Y&segment=s&weight=w2", "w")).toBe("outcome=q&category=Y&segment=s&weight=w2");
    expect(normalizeViewQuery("outcome=q&category=Y&segment=s", "w")).toBe("outcome=q&category=Y&segment=s&weight=w");
    expect(normalizeViewQuery("outcome=q&category=Y&segment=s&unweighted=1", "w")).toBe("outcome=q&category=Y&segment=s&unweighted=1");
    expect(normalizeViewQuery("outcome=q&category=Y&segment=s")).toBe("outcome=q&category=Y&segment=s&unweighted=1");
  });

  it("a view stored without any weighting (saved before default weights) stays unweighted, also when reopened", () => {
    expect(viewState("outcome=q&segment=s").unweighted).toBe(true);
    expect(viewState("outcome=q&segment=s&weight=w")).toMatchObject({ weight: "w" });
    expect(viewHrefQuery("outcome=q&segment=s")).toBe("outcome=q&segment=s&unweighted=1");
    expect(viewHrefQuery("outcome=q&segment=s&weight=w")).toBe("outcome=q&segment=s&weight=w");
  });

  it("refuses an incomplete analysis", () => {
    expect(() => normalizeViewQuery("outcome=rolled_back")).toThrow(/outcome and a segment/);
    expect(() => normalizeViewQuery("")).toThrow(/outcome and a segment/);
  });
});
