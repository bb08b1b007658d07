/**
 * A .sav gives the same question model and numbers as the same survey's CSV + labels: the
 * fixtures of test/fixtures/spss (make-fixtures.py) hold the survey as coded CSV, its labels as
 * schema-review edits (survey.labels.json), and the .sav/.zsav PSPP wrote from them. Both go
 * through importDataset into DuckDB; the CSV then gets its labels through saveQuestionEdits.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Dataset } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import { runCrosstab } from "@/lib/services/crosstab";
import { saveQuestionEdits } from "@/lib/services/save-questions";
import type { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { importIntoMemoryStore, repoRoot } from "./helpers";

const dir = path.join(repoRoot, "test/fixtures/spss");
const labels = JSON.parse(fs.readFileSync(path.join(dir, "survey.labels.json"), "utf8")) as { questions: object[]; methods: string[] };

async function load(file: string): Promise<{ store: DuckDbStore; dataset: Dataset }> {
  const { store, dataset, error } = await importIntoMemoryStore(path.join(dir, file));
  if (!dataset) throw error;
  return { store, dataset };
}

/** what must agree: everything but storage details of the multi-select (compared on its own) */
const model = (q: Question) => ({
  id: q.id,
  label: q.label,
  type: q.type,
  columns: q.columns,
  options: q.options.map((o) => ({ code: o.code, label: o.label, count: o.count })),
  missingCodes: q.missingCodes,
  answered: q.answered,
});

describe.each(["survey.sav", "survey-plain.sav", "survey.zsav"])("%s against survey.csv + labels", (file) => {
  let csv: { store: DuckDbStore; dataset: Dataset };
  let sav: { store: DuckDbStore; dataset: Dataset };
  beforeAll(async () => {
    csv = await load("survey.csv");
    csv.dataset = await saveQuestionEdits(csv.store, csv.dataset, { questions: labels.questions });
    sav = await load(file);
  }, 120_000);
  afterAll(async () => {
    await csv?.store.close();
    await sav?.store.close();
  });

  test("same respondents and the same question model (the multi-select aside)", () => {
    expect(sav.dataset.respondents).toBe(400);
    expect(sav.dataset.respondents).toBe(csv.dataset.respondents);
    const single = (d: Dataset) => d.questions.filter((q) => q.type !== "multi").map(model);
    expect(single(sav.dataset)).toEqual(single(csv.dataset));
  });

  test("the dichotomy set is one multi-select whose counts are the CSV's 1s", () => {
    const multi = sav.dataset.questions.find((q) => q.type === "multi")!;
    expect(multi).toMatchObject({ id: "auth", label: "Agent authentication methods", multi: { layout: "columns", uncheckedCodes: ["0"] } });
    expect(multi.options.map((o) => o.label)).toEqual(labels.methods);
    const rows = fs.readFileSync(path.join(dir, "survey.csv"), "utf8").trim().split("\n").slice(1);
    const cells = rows.map((r) => r.split(","));
    const header = fs.readFileSync(path.join(dir, "survey.csv"), "utf8").split("\n")[0].split(",");
    labels.methods.forEach((_, k) => {
      const at = header.indexOf(`auth_${k + 1}`);
      expect(multi.options[k].count).toBe(cells.filter((c) => c[at] === "1").length);
    });
  });

  test.each([
    { outcome: "company_size", outcome_category: "3", segment: "region", weight: "weight" },
    { outcome: "controls_would_stop", outcome_category: "3", segment: "industry" },
    { outcome: "agree_visibility", outcome_category: ["4", "5"], segment: "role", weight: "weight" },
    { outcome: "detect_hours", statistic: "mean", segment: "company_size", weight: "weight" },
  ])("crosstab $outcome by $segment agrees", async (spec) => {
    const a = await runCrosstab(sav.store, sav.dataset, spec);
    const b = await runCrosstab(csv.store, csv.dataset, spec);
    const strip = (r: typeof a) => ({ ...r, dataset: undefined });
    expect(strip(a)).toEqual(strip(b));
  });
});
