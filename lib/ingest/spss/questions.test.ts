import { describe, expect, test } from "vitest";
import { Profiler } from "../profile";
import { buildSavQuestions } from "./questions";
import type { SavDictionary, SavVariable } from "./types";

const variable = (index: number, over: Partial<SavVariable>): SavVariable => ({
  index,
  shortName: `V${index}`,
  name: `v${index}`,
  label: "",
  width: 0,
  slot: index,
  segments: [],
  format: 5,
  measure: 0,
  missing: { values: [] },
  valueLabels: [],
  ...over,
});

function build(variables: SavVariable[], rows: string[][], extra: Partial<SavDictionary> = {}) {
  const dict: SavDictionary = { littleEndian: true, compression: 0, bias: 100, caseCount: rows.length, slotsPerCase: variables.length, encoding: "UTF-8", fileLabel: "", variables, mrsets: [], dataOffset: 0, ...extra };
  const p = new Profiler(variables.length);
  for (const r of rows) p.add(r);
  const warnings: { code: string; message: string }[] = [];
  return { questions: buildSavQuestions(dict, p.finish(), new Map(), warnings), warnings };
}

describe("buildSavQuestions", () => {
  test("measurement levels decide the type; value labels the options, in code order", () => {
    const { questions } = build(
      [
        variable(0, { name: "sat", label: "Satisfaction", measure: 2, valueLabels: [{ value: 1, label: "Low" }, { value: 2, label: "Mid" }, { value: 3, label: "High" }] }),
        variable(1, { name: "age", measure: 3 }),
        variable(2, { name: "zip", measure: 1 }),
        variable(3, { name: "team", measure: 1 }),
      ],
      Array.from({ length: 100 }, (_, i) => [String((i % 3) + 1), String(20 + (i % 50)), String(10000 + i), String(i % 4)]),
    );
    expect(questions.map((q) => [q.id, q.type])).toEqual([
      ["sat", "ordinal"],
      ["age", "numeric"],
      ["zip", "numeric"],
      ["team", "single"],
    ]);
    expect(questions[0].options.map((o) => [o.code, o.label, o.count])).toEqual([
      ["1", "Low", 34],
      ["2", "Mid", 33],
      ["3", "High", 33],
    ]);
  });

  test("a scale variable whose every answer is a labelled value is a choice; labels on some values keep it a number", () => {
    const { questions } = build(
      [
        variable(0, { name: "sex", label: "Sex of subject", measure: 3, valueLabels: [{ value: 0, label: "Male" }, { value: 1, label: "Female" }] }),
        variable(1, { name: "happy", measure: 3, valueLabels: [{ value: 0, label: "Not at all" }, { value: 10, label: "Completely" }] }),
        variable(2, { name: "env", measure: 3, missing: { values: [9] }, valueLabels: [{ value: 0, label: "Temperate" }, { value: 1, label: "Tropical" }, { value: 9, label: "Unknown" }] }),
        variable(3, { name: "one", measure: 3, valueLabels: [{ value: 1, label: "Yes" }] }),
      ],
      Array.from({ length: 40 }, (_, i) => [String(i % 2), String(i % 11), i === 0 ? "9" : String(i % 2), "1"]),
    );
    expect(questions.map((q) => [q.id, q.type])).toEqual([
      ["sex", "single"],
      ["happy", "numeric"],
      ["env", "single"],
      ["one", "numeric"],
    ]);
    expect(questions[0].options.map((o) => [o.code, o.label, o.count])).toEqual([
      ["0", "Male", 20],
      ["1", "Female", 20],
    ]);
    expect(questions[2].options.map((o) => o.label)).toEqual(["Temperate", "Tropical"]);
    expect(questions[2].answered).toBe(39);
  });

  test("a missing-value range covers the labelled and the seen values inside it", () => {
    const { questions } = build(
      [variable(0, { name: "q", measure: 1, missing: { values: [], range: [97, 99] }, valueLabels: [{ value: 1, label: "Yes" }, { value: 2, label: "No" }, { value: 99, label: "Refused" }] })],
      [["1"], ["2"], ["98"], ["99"], [""]],
    );
    expect(questions[0].missingCodes.sort()).toEqual(["98", "99"]);
    expect(questions[0].options.map((o) => o.code)).toEqual(["1", "2"]);
    expect(questions[0].answered).toBe(2);
  });

  test("a category set is reported and its variables kept as questions", () => {
    const { questions, warnings } = build([variable(0, { name: "m1", measure: 1 }), variable(1, { name: "m2", measure: 1 })], [["1", "2"]], {
      mrsets: [{ name: "mentions", label: "Mentions", kind: "C", variables: [0, 1] }],
    });
    expect(questions).toHaveLength(2);
    expect(warnings[0].code).toBe("mrset-category");
  });
});
