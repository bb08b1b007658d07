/**
 * Answers out of the base ("Don't know", "Prefer not to say") in the banner's views: their own rows
 * labelled "not in the base", never a piece of a stacked or diverging bar, named under those charts.
 */
import { describe, expect, test } from "vitest";
import { likertByRegion, likertWithNonSubstantive } from "./banner-chart-data.fixtures";
import { groupedBarData } from "./banner-chart-data";
import { chartKindsFor } from "./banner-chart-data-kinds";
import { divergingLikertData, stackedBarData } from "./banner-chart-data-stacked";
import { bannerCellTitle, bannerRowLabel, notInBaseNote } from "./banner-view";

const result = likertWithNonSubstantive;

describe("non-substantive rows in banner views", () => {
  test("labelled as not in the base; other rows keep their label", () => {
    expect(bannerRowLabel({ label: "Don't know", kind: "nonsubstantive" })).toBe("Don't know (not in the base)");
    expect(bannerRowLabel({ label: "Agree", kind: "option" })).toBe("Agree");
  });

  test("the stacked and diverging charts draw the scale only (same as without them), and keep the diverging kind", () => {
    expect(divergingLikertData(result).series.map((s) => s.label)).toEqual(divergingLikertData(likertByRegion).series.map((s) => s.label));
    expect(divergingLikertData(result).rows).toEqual(divergingLikertData(likertByRegion).rows);
    expect(stackedBarData(result, "percent").series.map((s) => s.label)).not.toContain("Don't know");
    expect(chartKindsFor(result)).toContain("diverging");
  });

  test("the chart note names them with their Total shares", () => {
    expect(notInBaseNote(result)).toBe("Not in the base (shares of everyone who answered, Total): Don't know 12.5%, Prefer not to say 5.0%.");
    expect(notInBaseNote(likertByRegion)).toBe("");
  });

  test("grouped bars list them last, labelled", () => {
    const labels = groupedBarData(result).rows.map((r) => r.label);
    expect(labels.slice(-2)).toEqual(["Don't know (not in the base)", "Prefer not to say (not in the base)"]);
    expect(groupedBarData(result).table.rows.at(-1)?.label).toBe("Prefer not to say (not in the base)");
  });

  test("the hover text does not call the column's base theirs", () => {
    const dk = result.rows.find((r) => r.label === "Don't know")!;
    expect(bannerCellTitle(result, dk.cells[1], dk.kind)).toMatch(/not in the base/);
    expect(bannerCellTitle(result, dk.cells[1], dk.kind)).not.toMatch(/ of 120 respondents/);
  });
});
