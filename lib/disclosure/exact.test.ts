import { describe, expect, it } from "vitest";
import { exactCrosstab } from "./exact";
import { protectCrosstab } from "./protect-crosstab";
import { crosstabOf, rep } from "./disclosure.fixtures";

const rows = [...rep(20, ["Yes", "A", "x"]), ...rep(14, ["No", "A", "x"]), ...rep(2, ["Yes", "B", "x"]), ...rep(1, ["No", "B", "x"]), ...rep(9, ["No", "C", "x"])];

describe("exactCrosstab", () => {
  it("releases every number of the computed result and flags the low cells instead of hiding them", () => {
    const result = crosstabOf(rows);
    const shown = exactCrosstab(result, 5, "admin", { kind: "respondent", why: "admin" });
    expect(shown.disclosure).toMatchObject({ exact: "respondent-access", lowCells: ["B"], suppressedSegments: [], totalSuppressed: false, blocked: false });
    const b = shown.segments.find((s) => s.segment === "B")!;
    expect(b).toMatchObject({ n: 3, suppressed: false, display: null });
    expect(shown.statistic === "proportion" && shown.segments[1].count).toBe(2);
    // the same numbers as the computed result, field by field
    expect(shown.segments.map((s) => s.n)).toEqual(result.segments.map((s) => s.n));
    expect(shown.total.weighted_n).toBe(result.total.weighted_n);
    expect(shown.rows).toEqual(result.rows);
  });

  it("differs from the protected release exactly where protection applies", () => {
    const result = crosstabOf(rows);
    const exact = exactCrosstab(result, 5, "admin", { kind: "aggregate", exact: true, why: "open-policy" });
    const protectedOut = protectCrosstab(result, { k: 5, role: "viewer" });
    expect(exact.disclosure.exact).toBe("open-policy");
    expect(protectedOut.segments.find((s) => s.segment === "B")!.display).not.toBeNull();
    expect(exact.segments.every((s) => s.display === null)).toBe(true);
  });

  it("keeps the mean shape", () => {
    const shown = exactCrosstab(crosstabOf([...rep(6, ["3", "A", "x"]), ...rep(2, ["5", "B", "x"])], { statistic: "mean" }), 5, "researcher", { kind: "respondent", why: "researcher" });
    expect(shown.statistic).toBe("mean");
    expect(shown.segments.find((s) => s.segment === "B")).toMatchObject({ n: 2, display: null, suppressed: false });
  });
});
