import { describe, expect, it } from "vitest";
import type { Dataset } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import { protectQuestion, protectQuestionModel } from "./question-model";

const q = (id: string, counts: number[], answered = counts.reduce((a, c) => a + c, 0)): Question =>
  ({ id, label: id, type: "single", columns: [id], options: counts.map((count, i) => ({ code: `o${i}`, label: `O${i}`, count })), answered }) as Question;

describe("protectQuestion", () => {
  it("keeps the question, its options and labels, and withholds every count (large ones too: each is a population the audit never saw)", () => {
    const shown = protectQuestion(q("a", [30, 0, 30]), 5);
    expect(shown.options.map((o) => [o.code, o.label, o.count])).toEqual([
      ["o0", "O0", null],
      ["o1", "O1", null],
      ["o2", "O2", null],
    ]);
    expect(shown.answered).toBeNull();
    expect(shown.type).toBe("single");
  });

  it("never mutates its input", () => {
    const input = { ...q("a", [1, 59]), nonSubstantive: [{ code: "dk", label: "Don't know", count: 7 }] };
    expect(protectQuestion(input, 5).nonSubstantive).toEqual([{ code: "dk", label: "Don't know", count: null }]);
    expect(input.options[0].count).toBe(1);
  });
});

it("does not list an answer given by 1..k−1 respondents (a retyped numeric column's outlier value is data); zero-count answers stay", () => {
  const income = { ...q("income", [40, 20, 1, 0]), options: [40, 20, 1, 0].map((count, i) => ({ code: ["50000", "60000", "1250000", "70000"][i], label: ["50000", "60000", "1250000", "70000"][i], count })) } as Question;
  const shown = protectQuestion({ ...income, nonSubstantive: [{ code: "dk", label: "Don't know", count: 2 }] }, 5);
  expect(shown.options.map((o) => o.code)).toEqual(["50000", "60000", "70000"]);
  expect(shown.nonSubstantive).toEqual([]);
  expect(JSON.stringify(shown)).not.toContain("1250000");
});

describe("protectQuestionModel", () => {
  it("no count of any question survives", () => {
    const ds = { id: "d", respondents: 60, questions: [q("a", [1, 59]), q("b", [20, 40])] } as unknown as Dataset;
    const shown = protectQuestionModel(ds, 5);
    expect(shown.questions.flatMap((x) => x.options.map((o) => o.count))).toEqual([null, null, null]);
    expect(JSON.stringify(shown)).not.toMatch(/"count":\d/);
    expect(shown.respondents).toBe(60);
  });
});
