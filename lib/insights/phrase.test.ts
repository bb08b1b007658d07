import { describe, expect, it } from "vitest";
import { defaultOutcomeName, formatPoints, phraseFinding, phraseOddsRatio } from "./phrase";

describe("phrase", () => {
  it("writes a finding as researchers say it", () => {
    expect(phraseFinding({ high: "Fully mature", low: "Early", outcome: "rollback", p_high: 0.807, p_low: 0.621, p_value: 0.0004, n: 448 })).toBe(
      "Fully mature: rollback 81% vs 62% for Early, +19 pts, p < 0.001, n = 448",
    );
    expect(phraseFinding({ high: "A", low: "B", outcome: "x", p_high: 0.5, p_low: 0.3, p_value: 0.0069, n: 1571 })).toBe(
      "A: x 50% vs 30% for B, +20 pts, p = 0.007, n = 1,571",
    );
  });

  it("formats signed points and undefined values", () => {
    expect(formatPoints(0.1912)).toBe("+19 pts");
    expect(formatPoints(-0.06)).toBe("−6 pts");
    expect(formatPoints(0.004)).toBe("0 pts");
    expect(formatPoints(Number.NaN)).toBe("n/a");
    expect(phraseFinding({ high: "A", low: "B", outcome: "x", p_high: Number.NaN, p_low: 0.3, p_value: Number.NaN, n: 10 })).toBe(
      "A: x n/a vs 30% for B, n/a, n/a, n = 10",
    );
  });

  it("names an outcome and an odds ratio", () => {
    expect(defaultOutcomeName("rolled_back", "Yes")).toBe("rolled back = Yes");
    expect(phraseOddsRatio("guardrail_maturity=Fully mature", 2.5432, [1.29, 5.031], "Early")).toBe(
      "guardrail_maturity=Fully mature: odds ratio 2.54 (95% CI 1.29–5.03) vs Early",
    );
    expect(phraseOddsRatio("confidence", 1.05, [0.9, 1.2], null)).toMatch(/per unit$/);
  });
});
