import { describe, expect, it } from "vitest";
import type { QuestionLite } from "@/lib/analysis/question-roles";
import { defaultOutcome, successCategory } from "./outcome-choice";

const q = (id: string, type: QuestionLite["type"], labels: [string, number][]): QuestionLite => ({
  id,
  label: id,
  type,
  options: labels.map(([label, count]) => ({ code: label, label, count })),
});

describe("successCategory", () => {
  it("picks Yes, not the first or the rarest option", () => {
    expect(successCategory(q("rolled_back", "single", [["No", 900], ["Yes", 600]]))).toBe("Yes");
    expect(successCategory(q("x", "single", [["No", 10], ["Yes", 1]]))).toBe("Yes");
  });

  it("picks the top box of a scale, whichever end is written first", () => {
    expect(successCategory(q("sat", "ordinal", [["Very dissatisfied", 5], ["Dissatisfied", 9], ["Satisfied", 40], ["Very satisfied", 20]]))).toBe("Very satisfied");
    expect(successCategory(q("agree", "ordinal", [["Strongly agree", 5], ["Agree", 9], ["Disagree", 4], ["Strongly disagree", 2]]))).toBe("Strongly agree");
    expect(successCategory(q("maturity", "ordinal", [["Early", 5], ["Developing", 9], ["Established", 4], ["Fully mature", 2], ["Don't know", 30]]))).toBe("Fully mature");
  });

  it("picks the most common substantive answer of a nominal question", () => {
    expect(successCategory(q("channel", "single", [["Web", 50], ["Store", 70], ["Other", 90]]))).toBe("Store");
  });
});

describe("defaultOutcome", () => {
  it("prefers a yes/no question, then a scale", () => {
    const qs = [q("country", "single", [["A", 1], ["B", 2]]), q("sat", "ordinal", [["Low", 1], ["High", 2]]), q("churn", "single", [["No", 3], ["Yes", 1]])];
    expect(defaultOutcome(qs)?.id).toBe("churn");
    expect(defaultOutcome(qs.slice(0, 2))?.id).toBe("sat");
  });
});
