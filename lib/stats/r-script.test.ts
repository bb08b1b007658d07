import { describe, expect, it } from "vitest";
import { crosstabSpecSchema } from "@/lib/schema/crosstab-spec";
import { toRScript } from "./r-script";

describe("toRScript", () => {
  it("emits the design, filters, domain estimates and tests", () => {
    const spec = crosstabSpecSchema.parse({
      outcome: "sat", outcome_category: ["4", "5"], segment: "channel", weight: "w",
      filters: { region: ["South", 'Ea"st'] }, conf_level: 0.9,
    });
    const script = toRScript(spec, "data.csv");
    expect(script).toContain('read.csv("data.csv", colClasses = "character", na.strings = ""');
    expect(script).toContain('raw[["region"]] %in% c("South", "Ea\\"st")');
    expect(script).toContain("svydesign(ids = ~1, weights = ~ow, data = an)");
    expect(script).toContain('y <- as.numeric(d0[["sat"]] %in% c("4", "5"))');
    expect(script).toContain('method = "logit", level = 0.9');
    expect(script).toContain('svychisq(~crow + cfull, dd, statistic = "F")');
    expect(script).toContain("svyttest(oy ~ ina, d2)");
  });

  it("handles means, explicit levels, no weight and include_in_total", () => {
    const script = toRScript(
      crosstabSpecSchema.parse({ outcome: "score", statistic: "mean", segment: "seg", segment_levels: ["b", "a"], missing_segment: "include_in_total" }),
      "x.csv",
    );
    expect(script).toContain('seg_levels <- c("b", "a")');
    expect(script).toContain("is.finite(y)");
    expect(script).toContain("w <- rep(1, nrow(d0))");
    expect(script).toContain("ok <- ok_out  #");
    expect(script).not.toContain("svychisq");
  });
});
