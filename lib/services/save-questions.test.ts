import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Dataset } from "@/lib/schema/dataset";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { importDataset } from "./import-dataset";
import { saveQuestionEdits } from "./save-questions";

const CSV = ["id,pets,age", "1,cat,31", "2,\"cat, dog\",45", "3,dog,27", "4,,52", "5,\"dog, fish\",38", "6,cat,61"].join("\n") + "\n";

let store: DuckDbStore;
let ds: Dataset;
beforeAll(async () => {
  store = await DuckDbStore.open(":memory:");
  ds = await importDataset(store, { meta: { id: "pets", name: "pets", owner: "t", fileName: "pets.csv" }, source: Readable.from([Buffer.from(CSV)]), options: { format: "microdata" } });
});
afterAll(() => store.close());

test("retyping a text column as a delimited multi-select recounts respondents per option", async () => {
  const next = await saveQuestionEdits(store, ds, { questions: [{ id: "pets", type: "multi", multi: { layout: "delimited", delimiter: ", " } }] });
  const pets = next.questions.find((q) => q.id === "pets")!;
  expect(pets.multi).toMatchObject({ layout: "delimited", delimiter: ", " });
  expect(Object.fromEntries(pets.options.map((o) => [o.code, o.count]))).toEqual({ cat: 3, dog: 3, fish: 1 });
  expect(pets.answered).toBe(5);
  expect(next.version).toBe(ds.version + 1);
});

test("retyping a numeric column as a choice question lists its values as options", async () => {
  const current = (await store.getDataset("pets"))!;
  const next = await saveQuestionEdits(store, current, { questions: [{ id: "age", type: "single" }] });
  expect(next.questions.find((q) => q.id === "age")!.options).toHaveLength(6);
});

test("an empty delimiter and an unknown question are refused", async () => {
  const current = (await store.getDataset("pets"))!;
  await expect(saveQuestionEdits(store, current, { questions: [{ id: "pets", type: "multi", multi: { layout: "delimited", delimiter: "" } }] })).rejects.toThrow("needs a delimiter");
  await expect(saveQuestionEdits(store, current, { questions: [{ id: "nope", label: "x" }] })).rejects.toThrow("unknown question: nope");
});
