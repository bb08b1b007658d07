import { describe, expect, it } from "vitest";
import { lettersRule, lettersRuleShort } from "./letters-rule";

describe("lettersRule", () => {
  it("names the test, both alphas, the correction and its family", () => {
    const t = lettersRule({ test: "weighted_z", correction: "holm" });
    expect(t).toMatch(/upper case at p < 0\.01, lower case at p < 0\.05/);
    expect(t).toMatch(/design-based z test on the weighted estimates/);
    expect(t).toMatch(/Holm correction for multiple comparisons across all pairs of columns of the table/);
  });

  it("says so when nothing is corrected, and scopes a banner's family to one group", () => {
    expect(lettersRule({ test: "unweighted", correction: "none" })).toMatch(/unweighted two-sample test .*, with no correction for multiple comparisons\.$/);
    expect(lettersRule({ test: "weighted_z", correction: "bonferroni", banner: true })).toMatch(/higher than in the same group .* Bonferroni correction .* across all pairs of columns of the same group, for each answer\.$/);
  });

  it("a short form for badges", () => {
    expect(lettersRuleShort({ test: "unweighted", correction: "holm" })).toBe("unweighted test, p < 0.01 / p < 0.05, Holm-corrected");
  });
});
