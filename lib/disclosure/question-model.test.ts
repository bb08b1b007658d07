import { describe, expect, it } from "vitest";
import type { Dataset } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import { protectQuestion, protectQuestionModel } from "./question-model";

const q = (id: string, counts: number[], answered = counts.reduce((a, c) => a + c, 0)): Question =>
  ({ id, label: id, type: "single", columns: [id], options: counts.map((count, i) => ({ code: `o${i}`, label: `O${i}`, count })), answered }) as Question;

describe("protectQuestion (k = 5)", () => {
  it("keeps counts that are all zero or at least k", () => {
    const shown = protectQuestion(q("a", [30, 0, 30]), 60, 5);
    expect(shown.options.map((o) => o.count)).toEqual([30, 0, 30]);
    expect(shown.answered).toBe(60);
  });

  it("hides every count of a question with one count of 1 (no total recomputes it)", () => {
    const shown = protectQuestion(q("a", [1, 29, 30]), 60, 5);
    expect(shown.options.map((o) => o.count)).toEqual([null, null, null]);
    expect(shown.answered).toBeNull();
  });

  it("hides the counts when the non-answers (respondents − answered) are 1..k−1", () => {
    const shown = protectQuestion(q("a", [28, 30]), 60, 5);
    expect(shown.options.map((o) => o.count)).toEqual([null, null]);
    expect(shown.answered).toBeNull();
  });

  it("hides every count when an answer set apart as non-substantive is small, its own too", () => {
    const withApart = { ...q("a", [30, 20]), nonSubstantive: [{ code: "8", label: "Don't know", count: 2 }] };
    // respondents − answered = 10 (2 don't know, 8 empty): not small, but the don't-know count is
    const shown = protectQuestion(withApart, 60, 5);
    expect(shown.options.map((o) => o.count)).toEqual([null, null]);
    expect(shown.nonSubstantive).toEqual([{ code: "8", label: "Don't know", count: null }]);
    expect(protectQuestion({ ...withApart, nonSubstantive: [{ code: "8", label: "Don't know", count: 10 }] }, 60, 5).nonSubstantive?.[0].count).toBe(10);
  });

    it("hides a small answered base", () => {
    expect(protectQuestion(q("a", [3]), 3, 5).answered).toBeNull();
  });

  it("never mutates its input", () => {
    const input = q("a", [1, 59]);
    protectQuestion(input, 60, 5);
    expect(input.options[0].count).toBe(1);
  });
});

describe("protectQuestionModel", () => {
  it("protects each question of the dataset on its own", () => {
    const ds = { id: "d", respondents: 60, questions: [q("a", [1, 59]), q("b", [20, 40])] } as unknown as Dataset;
    const shown = protectQuestionModel(ds, 5);
    expect(shown.questions[0].options.map((o) => o.count)).toEqual([null, null]);
    expect(shown.questions[1].options.map((o) => o.count)).toEqual([20, 40]);
    expect(JSON.stringify(shown)).not.toMatch(/"count":1\b/);
  });
});
