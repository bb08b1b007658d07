import { describe, expect, it } from "vitest";
import { COMPLEMENT_LABEL, hiddenFootnotes, hiddenTitle, restSmallLabel, suppressedLabel } from "./rules";

describe("honest labels", () => {
  it("say '< k' only for a small cell, and '—' for a complement, with titles and footnotes", () => {
    expect(suppressedLabel(5)).toBe("< 5");
    expect(restSmallLabel(5)).toBe("all but < 5");
    expect(hiddenTitle("< 5")).toBe("Hidden: fewer than 5 respondents");
    expect(hiddenTitle(COMPLEMENT_LABEL)).toMatch(/^Hidden to protect a small cell/);
    expect(hiddenTitle("all but < 10")).toBe("Hidden: all but fewer than 10 respondents gave this answer");
    expect(hiddenFootnotes(["< 5", null, "—", "< 5", "all but < 5"])).toEqual([
      "< 5: fewer than 5 respondents, hidden.",
      "all but < 5: all but fewer than 5 respondents gave this answer, hidden.",
      "—: hidden to protect a small cell (it would reveal one from the totals).",
    ]);
    expect(hiddenFootnotes([null, undefined])).toEqual([]);
  });
});
