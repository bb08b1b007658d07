import { describe, expect, test } from "vitest";
import type { Question, StoredColumn } from "@/lib/schema/question";
import { applyOverrides } from "./apply-overrides";
import { describeImport } from "./describe";
import { ingestBytes } from "./ingest.fixtures";

const question: Question = {
  id: "Q1",
  label: "Q1",
  type: "single",
  columns: ["c0"],
  options: [
    { code: "1", label: "1", count: 5 },
    { code: "2", label: "2", count: 3 },
    { code: "3", label: "3", count: 9 },
  ],
  missingCodes: [],
  answered: 17,
};
const columns: StoredColumn[] = [{ index: 0, name: "c0", headers: ["Q1", "How satisfied are you?"] }];

describe("applyOverrides", () => {
  test("matches by id and reorders, relabels and retypes", () => {
    const [q] = applyOverrides([question], columns, {
      questions: [{ id: "Q1", type: "ordinal", label: "Satisfaction", optionOrder: ["3", "1"], optionLabels: { "1": "Low", "3": "High" } }],
    });
    expect(q.type).toBe("ordinal");
    expect(q.label).toBe("Satisfaction");
    expect(q.options.map((o) => [o.code, o.label, o.count])).toEqual([
      ["3", "High", 9],
      ["1", "Low", 5],
      ["2", "2", 3],
    ]);
  });

  test("matches by the header text of the first column and ignores prototype keys", () => {
    const labels = JSON.parse('{"__proto__": "x", "2": "Mid"}') as Record<string, string>;
    const [q] = applyOverrides([question], columns, { questions: [{ column: "How satisfied are you?", optionLabels: labels }] });
    expect(q.options[1].label).toBe("Mid");
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test("a non-substantive answer taken out of the missing codes is no longer listed apart", () => {
    const q = { ...question, missingCodes: ["No answer"], nonSubstantive: [{ code: "No answer", label: "No answer", count: 3 }] };
    const [edited] = applyOverrides([q], columns, { questions: [{ id: q.id, missingCodes: [] }] });
    expect(edited.missingCodes).toEqual([]);
    expect(edited.nonSubstantive).toEqual([]);
  });

  test("an answer declared missing is set apart with its count, and returns when counted again", () => {
    const [apart] = applyOverrides([question], columns, { questions: [{ id: "Q1", missingCodes: ["3"] }] });
    expect(apart.options.map((o) => o.code)).toEqual(["1", "2"]);
    expect(apart.nonSubstantive).toEqual([{ code: "3", label: "3", count: 9 }]);
    const [back] = applyOverrides([apart], columns, { questions: [{ id: "Q1", missingCodes: [] }] });
    expect(back.options.map((o) => [o.code, o.count])).toEqual([
      ["1", 5],
      ["2", 3],
      ["3", 9],
    ]);
    expect(back.nonSubstantive).toEqual([]);
  });

  test("a missing code that is no option (e.g. 99) is only a missing code", () => {
    const [q] = applyOverrides([question], columns, { questions: [{ id: "Q1", missingCodes: ["99"] }] });
    expect(q.options).toHaveLength(3);
    expect(q.missingCodes).toEqual(["99"]);
    expect(q.nonSubstantive).toBeUndefined();
  });

  test("value labels for every code clear the request for them; labels reach answers set apart", () => {
    const coded = { ...question, needsValueLabels: true, missingCodes: ["9"], nonSubstantive: [{ code: "9", label: "9", count: 2 }] };
    const [some] = applyOverrides([coded], columns, { questions: [{ id: "Q1", optionLabels: { "1": "Low" } }] });
    expect(some.needsValueLabels).toBe(true);
    const [all] = applyOverrides([coded], columns, { questions: [{ id: "Q1", optionLabels: { "1": "Low", "2": "Mid", "3": "High", "9": "Refused" } }] });
    expect(all.needsValueLabels).toBeUndefined();
    expect(all.options.map((o) => o.label)).toEqual(["Low", "Mid", "High"]);
    expect(all.nonSubstantive).toEqual([{ code: "9", label: "Refused", count: 2 }]);
  });

  test("leaves unmatched questions unchanged", () => {
    expect(applyOverrides([question], columns, { questions: [{ id: "Q9", label: "x" }] })).toEqual([question]);
  });
});

describe("describeImport", () => {
  test("gives the CLI JSON shape", async () => {
    const { result } = await ingestBytes("id,colour\n1,red\n2,blue\n3,red\n");
    const d = describeImport(result);
    expect(d).toMatchObject({ format: "microdata", headerRows: 1, respondents: 3, encoding: "utf-8", delimiter: ",", warnings: [], errors: [] });
    expect(d.questions[1]).toMatchObject({ id: "colour", type: "single", options: [{ label: "red", count: 2 }, { label: "blue", count: 1 }] });
  });
});
