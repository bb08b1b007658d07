import { describe, expect, test } from "vitest";
import type { Question, StoredColumn } from "@/lib/schema/question";
import { applyOverrides } from "./apply-overrides";
import { formatValueLabels, MAX_VALUE_LABELS, parseValueLabels, valueLabelEdit } from "./value-labels";

describe("parseValueLabels", () => {
  test("reads code = label lines in the forms codebooks use, in order", () => {
    const text = "1 = Primary school\n2: Secondary\n3\tVocational\n\n4. University degree\n5) Doctorate\n-99 = Refused\n 6=Other, please say ";
    expect(parseValueLabels(text)).toEqual({
      pairs: [
        ["1", "Primary school"],
        ["2", "Secondary"],
        ["3", "Vocational"],
        ["4", "University degree"],
        ["5", "Doctorate"],
        ["-99", "Refused"],
        ["6", "Other, please say"],
      ],
      errors: [],
    });
  });

  test("a decimal code is a code, not a numbered line", () => {
    expect(parseValueLabels("1.5 = One and a half").pairs).toEqual([["1.5", "One and a half"]]);
  });

  test("a line without a label and a code given twice are located errors", () => {
    const { errors } = parseValueLabels("1 = A\n2\n\n1 = B\nno separator here");
    expect(errors).toEqual([
      { line: 2, message: expect.stringContaining("write a code") },
      { line: 4, message: "code 1 is already labelled on line 1" },
      { line: 5, message: expect.stringContaining("write a code") },
    ]);
  });

  test("too many codes is an error, nothing empty is a pair", () => {
    const many = Array.from({ length: MAX_VALUE_LABELS + 1 }, (_, i) => `${i} = L${i}`).join("\n");
    expect(parseValueLabels(many).errors).toEqual([{ line: 1, message: `at most ${MAX_VALUE_LABELS} codes can be labelled` }]);
    expect(parseValueLabels("  \n\n")).toEqual({ pairs: [], errors: [] });
  });
});

const educ: Question = {
  id: "educ",
  label: "Education",
  type: "single",
  columns: ["c0"],
  options: ["1", "2", "3"].map((code, i) => ({ code, label: code, count: 10 - i })),
  missingCodes: [],
  needsValueLabels: true,
  answered: 27,
};
const columns: StoredColumn[] = [{ index: 0, name: "c0", headers: ["educ"] }];

describe("valueLabelEdit", () => {
  test("a coded choice question gets its labels (shown everywhere its options are) and keeps its order", () => {
    const edit = valueLabelEdit(educ, [["3", "University"], ["1", "Primary"], ["2", "Secondary"]]);
    expect(edit).toEqual({ id: "educ", optionLabels: { "1": "Primary", "2": "Secondary", "3": "University" } });
    const [q] = applyOverrides([educ], columns, { questions: [edit] });
    expect(q.options.map((o) => o.label)).toEqual(["Primary", "Secondary", "University"]);
    expect(q.needsValueLabels).toBeUndefined();
  });

  test("the analyst's choice of type: ordinal makes an ordered scale", () => {
    expect(valueLabelEdit(educ, [["1", "Primary"]], "ordinal")).toMatchObject({ type: "ordinal" });
    expect(valueLabelEdit(educ, [["1", "Primary"]], "single")).not.toHaveProperty("type");
  });

  test("a numeric question becomes a choice question with the codebook's order", () => {
    const age = { ...educ, id: "band", type: "numeric" as const, options: [] };
    expect(valueLabelEdit(age, [["2", "Mid"], ["1", "Low"]], "ordinal")).toEqual({ id: "band", type: "ordinal", optionLabels: { "2": "Mid", "1": "Low" }, optionOrder: ["2", "1"] });
  });

  test("formatValueLabels writes what parseValueLabels reads, answers set apart included", () => {
    const q = { ...educ, nonSubstantive: [{ code: "9", label: "Don't know", count: 1 }] };
    const text = formatValueLabels(q);
    expect(text).toBe("1 = 1\n2 = 2\n3 = 3\n9 = Don't know");
    expect(parseValueLabels(text).pairs).toHaveLength(4);
  });
});
