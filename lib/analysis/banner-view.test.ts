import { describe, expect, test } from "vitest";
import { unisolate } from "@/lib/format/bidi";
import type { BannerColumn } from "@/lib/schema/banner";
import { bannerCellText, bannerCellTitle, bannerColumnGroups } from "./banner-view";

const col = (id: string, segment: string | null, label: string, letter: string): BannerColumn => ({
  id, segment, segmentLabel: segment ? `Q ${segment}` : null, level: segment ? label : null, label, letter, n: 100, weightedN: 100, effectiveN: 100, lowBase: false, hidden: null,
});
const result = {
  statistic: "proportion" as const,
  conf_level: 0.95,
  disclosure: { k: 5, suppressedCells: 0 },
  columns: [col("total", null, "Total", ""), col("g0c0", "a", "Early", "A"), col("g0c1", "a", "Late", "B"), col("g1c0", "b", "Small", "A")],
};

describe("banner view helpers", () => {
  test("groups: Total, then one per segment", () => {
    expect(bannerColumnGroups(result).map((g) => [g.id, g.label, g.columns.length])).toEqual([["total", "Total", 1], ["a", "Q a", 2], ["b", "Q b", 1]]);
  });
  test("cell text and hover text spell out interval, count and letters within the group", () => {
    const cell = { columnId: "g0c1", value: 0.741, ci: [0.7, 0.78] as [number, number], count: 74, hidden: null, letters: "a" };
    expect(bannerCellText("proportion", cell)).toBe("74.1%");
    expect(bannerCellText("mean", { value: 3.2, hidden: null })).toBe("3.20");
    expect(bannerCellText("proportion", { value: null, hidden: "< 5" })).toBe("< 5");
    expect(unisolate(bannerCellTitle(result, cell))).toBe("95% CI 70.0–78.0% · 74 of 100 respondents · higher than Early (A), p < 0.05");
    expect(bannerCellTitle(result, { ...cell, value: null, hidden: "< 5" })).toMatch(/fewer than 5/);
  });
});
