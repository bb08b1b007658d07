import { describe, expect, it } from "vitest";
import { normalizeViewQuery, viewState } from "./query";

describe("normalizeViewQuery", () => {
  it("re-serialises the analyze page's state in canonical order and drops unknown keys", () => {
    expect(normalizeViewQuery("?segment=country&outcome=rolled_back&junk=1&category=Yes&f.agent_status=Live%20in%20production")).toBe(
      "outcome=rolled_back&category=Yes&segment=country&f.agent_status=Live+in+production",
    );
    expect(viewState("outcome=a&segment=b&f.c=x|y").filters).toEqual({ c: ["x", "y"] });
  });

  it("refuses an incomplete analysis", () => {
    expect(() => normalizeViewQuery("outcome=rolled_back")).toThrow(/outcome and a segment/);
    expect(() => normalizeViewQuery("")).toThrow(/outcome and a segment/);
  });
});
