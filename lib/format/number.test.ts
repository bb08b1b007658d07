import { describe, expect, test } from "vitest";
import { formatBase, formatCount, formatNumber, formatPercent, formatPercentInterval, formatPValue, formatCountOf, plural } from "./number";

describe("number formatting", () => {
  test("undefined values are n/a, never zero", () => {
    for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatPercent(v)).toBe("n/a");
      expect(formatCount(v)).toBe("n/a");
      expect(formatBase(v)).toBe("n/a");
      expect(formatNumber(v)).toBe("n/a");
      expect(formatPValue(v)).toBe("n/a");
    }
    expect(formatPercentInterval(null)).toBe("n/a");
    expect(formatPercentInterval([Number.NaN, 0.2])).toBe("n/a");
  });

  test("shares, counts and bases read like a report", () => {
    expect(formatPercent(0.7412)).toBe("74.1%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatPercentInterval([0.71, 0.7745])).toBe("71.0–77.5%");
    expect(formatCount(1571)).toBe("1,571");
    expect(formatBase(30.64)).toBe("30.6");
    expect(formatBase(1234.4)).toBe("1,234");
    expect(formatPValue(0.0004)).toBe("p < 0.001");
    expect(formatPValue(0.0412)).toBe("p = 0.041");
  });

  test("counts agree with their noun", () => {
    expect(formatCountOf(1, "respondent")).toBe("1 respondent");
    expect(formatCountOf(0, "respondent")).toBe("0 respondents");
    expect(formatCountOf(2, "respondent")).toBe("2 respondents");
    expect(formatCountOf(1571, "respondent")).toBe("1,571 respondents");
    expect(formatCountOf(1.2, "respondent")).toBe("1 respondent"); // rounded like formatCount
    expect(formatCountOf(null, "respondent")).toBe("n/a respondents");
    expect(formatCountOf(1, "quasi-identifier value was", "quasi-identifier values were")).toBe("1 quasi-identifier value was");
    expect(plural(1, "cell")).toBe("cell");
    expect(plural(3, "cell")).toBe("cells");
    expect(plural(2, "person", "people")).toBe("people");
  });
});
