import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Dataset } from "@/lib/schema/dataset";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { importDataset } from "./import-dataset";
import { saveQuestionEdits } from "./save-questions";

// three agreement questions coded 1–5 with 8 = don't know and 9 = prefer not to say, a coded
// question (1–3) and a 0–99 code with 98 = refused, a weight column
const rows = [
  "id,q1,q2,q3,educ,band,wt",
  ...Array.from({ length: 30 }, (_, i) => {
    const a = [1, 2, 3, 4, 5, 8, 9][i % 7];
    const b = [5, 4, 8, 3, 2, 1, 9][i % 7];
    return [i + 1, a, b, [1, 2, 3, 4, 5, 8][i % 6], 1 + (i % 3), [10, 20, 30, 98][i % 4], (0.5 + (i % 4) / 4).toFixed(2)].join(",");
  }),
];
const CSV = rows.join("\n") + "\n";
const labels = { "1": "Strongly disagree", "2": "Disagree", "3": "Neither", "4": "Agree", "5": "Strongly agree", "8": "Don't know", "9": "Prefer not to say" };

let store: DuckDbStore;
let ds: Dataset;
beforeAll(async () => {
  store = await DuckDbStore.open(":memory:");
  ds = await importDataset(store, { meta: { id: "coded", name: "coded", owner: "t", fileName: "coded.csv" }, source: Readable.from([Buffer.from(CSV)]), options: { format: "microdata" } });
});
afterAll(() => store.close());
const latest = async () => (await store.getDataset("coded"))!;
const get = (d: Dataset, id: string) => d.questions.find((q) => q.id === id)!;

describe("schema edits: value labels, bulk rules, default weight", () => {
  test("the import made the weight column the default, with its origin", () => {
    expect(ds.defaultWeight).toEqual({ question: "wt", source: "import" });
    expect(get(ds, "educ")).toMatchObject({ type: "single", needsValueLabels: true });
  });

  test("value labels for coded answers are kept, and a coded numeric question becomes a labelled scale", async () => {
    expect(get(ds, "band").type).toBe("numeric");
    const next = await saveQuestionEdits(store, ds, {
      questions: [
        ...["q1", "q2", "q3"].map((id) => ({ id, optionLabels: labels })),
        { id: "educ", type: "ordinal", optionLabels: { "1": "Primary", "2": "Secondary", "3": "Tertiary" } },
        { id: "band", type: "ordinal", optionLabels: { "10": "Low", "20": "Mid", "30": "High", "98": "Refused" }, optionOrder: ["10", "20", "30", "98"] },
      ],
    });
    expect(get(next, "educ").options.map((o) => o.label)).toEqual(["Primary", "Secondary", "Tertiary"]);
    expect(get(next, "educ").needsValueLabels).toBeUndefined();
    expect(get(next, "educ").type).toBe("ordinal");
    const band = get(next, "band");
    expect(band.type).toBe("ordinal");
    expect(band.options.map((o) => [o.label, o.count])).toEqual([
      ["Low", 8],
      ["Mid", 8],
      ["High", 7],
      ["Refused", 7],
    ]);
  });

  test("one rule marks Don't know and Prefer not to say missing in every question: set apart with their counts, bases recounted", async () => {
    const cur = await latest();
    expect(get(cur, "q1").options.map((o) => o.label)).toContain("Don't know");
    const next = await saveQuestionEdits(store, cur, { rules: [{ kind: "missing-labels", labels: ["don’t know", "Prefer not to say", "Refused"] }] });
    for (const id of ["q1", "q2", "q3"]) {
      const q = get(next, id);
      expect(q.options.map((o) => o.label), id).toEqual(["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"]);
      expect(q.missingCodes, id).toEqual(expect.arrayContaining(["8"]));
    }
    expect(get(next, "q1").nonSubstantive).toEqual([
      { code: "8", label: "Don't know", count: 4 },
      { code: "9", label: "Prefer not to say", count: 4 },
    ]);
    expect(get(next, "q1").answered).toBe(22);
    expect(get(next, "band").options.map((o) => o.label)).toEqual(["Low", "Mid", "High"]);
    expect(get(next, "band").answered).toBe(23);
  });

  test("one rule orders every question with the same scale and makes it ordinal", async () => {
    const cur = await latest();
    const order = ["Strongly agree", "Agree", "Neither", "Disagree", "Strongly disagree"];
    const next = await saveQuestionEdits(store, cur, { rules: [{ kind: "scale-order", labels: order, ordinal: true }] });
    for (const id of ["q1", "q2", "q3"]) expect(get(next, id).options.map((o) => o.label), id).toEqual(order);
    expect(get(next, "q1").type).toBe("ordinal");
  });

  test("labels and a rule in one request: the rule reads the labelled answers", async () => {
    const fresh = await importDataset(store, { meta: { id: "coded2", name: "coded2", owner: "t", fileName: "coded.csv" }, source: Readable.from([Buffer.from(CSV)]), options: { format: "microdata" } });
    const next = await saveQuestionEdits(store, fresh, { questions: [{ id: "q2", optionLabels: labels }], rules: [{ kind: "missing-labels", labels: ["Don't know"] }] });
    expect(get(next, "q2").nonSubstantive?.map((o) => o.label)).toEqual(["Don't know"]);
    expect(get(next, "q1").nonSubstantive).toBeUndefined();
  });

  test("the default weight: set to a weight question, refused for another type, removed with null, dropped when retyped", async () => {
    await expect(saveQuestionEdits(store, await latest(), { defaultWeight: "educ" })).rejects.toThrow("defaultWeight: question educ is not a weight");
    await expect(saveQuestionEdits(store, await latest(), { defaultWeight: "nope" })).rejects.toThrow("defaultWeight: unknown question: nope");
    const set = await saveQuestionEdits(store, await latest(), { defaultWeight: "wt" });
    expect(set.defaultWeight).toEqual({ question: "wt", source: "review" });
    const kept = await saveQuestionEdits(store, set, { questions: [{ id: "q1", label: "Q1" }] });
    expect(kept.defaultWeight).toEqual({ question: "wt", source: "review" });
    const retyped = await saveQuestionEdits(store, kept, { questions: [{ id: "wt", type: "numeric" }] });
    expect(retyped.defaultWeight).toBeNull();
    const back = await saveQuestionEdits(store, retyped, { questions: [{ id: "wt", type: "weight" }], defaultWeight: "wt" });
    expect(back.defaultWeight?.question).toBe("wt");
    const none = await saveQuestionEdits(store, back, { defaultWeight: null });
    expect(none.defaultWeight).toBeNull();
    // the analyst's "none" is kept by later versions
    expect((await saveQuestionEdits(store, none, { questions: [{ id: "q1", label: "Q1 again" }] })).defaultWeight).toBeNull();
  });

  test("bad input is a located error", async () => {
    await expect(saveQuestionEdits(store, await latest(), { questions: [{ id: "q1" }, { id: "zzz", label: "x" }] })).rejects.toThrow("questions.1: unknown question: zzz");
    await expect(saveQuestionEdits(store, await latest(), { rules: [{ kind: "missing-labels", labels: [] }] })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["rules", 0, "labels"] })] });
    await expect(saveQuestionEdits(store, await latest(), { rules: [{ kind: "scale-order", labels: ["A", "a"] }] })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["rules", 0, "labels"] })] });
  });
});
