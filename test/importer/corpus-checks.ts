/**
 * The checks a real export must pass, shared by the real-corpus tests: the file imported through the
 * real path (bytes → ingest → DuckDB via importDataset; means through runCrosstab) against facts
 * computed without the importer: respondents, questions counted as a person would, one option count
 * per multi-select and per single choice, the order of one ordered scale, one mean.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Dataset } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import { runCrosstab } from "@/lib/services/crosstab";
import type { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { importIntoMemoryStore } from "./helpers";

export interface CorpusFacts {
  respondents: number;
  questions: number;
  multi: { column: string; option: string | null; count: number }[];
  /** single-choice questions: the count of one labelled option */
  options?: { column: string; option: string; count: number }[];
  order: { column: string; labels: string[] } | null;
  mean: { column: string; value: number; n: number } | null;
}

/** vendor timestamps typed `date` (start, submit, last action): system columns, never questions */
const VENDOR_TIMESTAMP = /^(start|end|starttime|endtime|submissiondate|_submission_time|submitdate|startdate|datestamp|date submitted|date started|date last action|(start|stage|submit) date \(utc\))$/i;

const headerOf = (d: Dataset, storage: string) => d.columns.find((c) => c.name === storage)?.headers[0]?.trim() ?? "";

/**
 * Questions as a person counts them (the rule of real_corpus_facts.py): no ids, system columns or
 * vendor timestamps; a grid, a multi-select, a block of sub-questions and a choice with its write-in
 * (one `grid` / `group`) count once; only questions someone answered.
 */
export function humanQuestions(d: Dataset): number {
  const keys = new Map<string, boolean>();
  for (const q of d.questions) {
    if (q.type === "id" || q.type === "metadata" || q.type === "weight") continue;
    if (q.type === "date" && VENDOR_TIMESTAMP.test(headerOf(d, q.columns[0]))) continue;
    const key = q.grid?.id ?? q.group ?? q.id;
    keys.set(key, (keys.get(key) ?? false) || q.answered > 0);
  }
  return [...keys.values()].filter(Boolean).length;
}

function questionOn(d: Dataset, header: string): Question {
  const storage = d.columns.find((c) => c.headers[0]?.trim() === header.trim())?.name;
  const q = storage && d.questions.find((x) => x.columns.includes(storage));
  if (!q) throw new Error(`no question reads the column "${header}"`);
  return q;
}

/**
 * One `describe` per file of `expected` (paths relative to `corpus`). `knownGaps` names facts the
 * importer still gets wrong (`<file> respondents` / `<file> questions`), each with why: they run as
 * `test.fails`, so they stay visible and turn red the day they are fixed.
 */
export function describeCorpus(corpus: string, expected: Record<string, CorpusFacts>, knownGaps: Record<string, string> = {}, skip = false) {
  const gapTest = (name: string) => (knownGaps[name] ? test.fails : test);

  describe.skipIf(skip).each(Object.keys(expected))("%s", (rel) => {
    const facts = expected[rel];
    let store: DuckDbStore;
    let dataset: Dataset;
    beforeAll(async () => {
      const imported = await importIntoMemoryStore(path.join(corpus, rel));
      if (!imported.dataset) throw imported.error;
      store = imported.store;
      dataset = imported.dataset;
    }, 120_000);
    afterAll(() => store?.close());

    gapTest(`${rel} respondents`)("respondents", () => {
      expect(dataset.respondents).toBe(facts.respondents);
    });

    gapTest(`${rel} questions`)(`questions, counted as a person would (${knownGaps[`${rel} questions`] ?? "no known gap"})`, () => {
      expect(humanQuestions(dataset)).toBe(facts.questions);
    });

    test.each(facts.multi.map((m) => [m.column, m] as const))("multi-select on %s: one option's count", (_, m) => {
      const q = questionOn(dataset, m.column);
      expect(q.type).toBe("multi");
      const storage = dataset.columns.find((c) => c.headers[0]?.trim() === m.column.trim())!.name;
      const option = m.option === null ? q.options.find((o) => o.column === storage) : q.options.find((o) => o.label === m.option);
      expect(option, `option ${m.option ?? m.column} among ${q.options.map((o) => o.label).join(" | ")}`).toBeDefined();
      expect(option!.count).toBe(m.count);
    });

    test.each((facts.options ?? []).map((m) => [m.column, m] as const))("single choice on %s: one option's count", (_, m) => {
      const q = questionOn(dataset, m.column);
      expect(["single", "ordinal"]).toContain(q.type);
      const option = q.options.find((o) => o.label === m.option);
      expect(option, `option ${m.option} among ${q.options.map((o) => o.label).join(" | ")}`).toBeDefined();
      expect(option!.count).toBe(m.count);
    });

    // a file without an ordered scale or a number has no such test (rather than a skipped one)
    const { order, mean } = facts;
    if (order)
      test("an ordered scale keeps its order", () => {
        const q = questionOn(dataset, order.column);
        const labels = q.options.map((o) => o.label).filter((l) => order.labels.includes(l));
        expect(labels).toEqual(order.labels);
      });

    if (mean)
      test("a mean through the crosstab engine", async () => {
        const q = questionOn(dataset, mean.column);
        const segment = dataset.questions.find((x) => (x.type === "single" || x.type === "ordinal") && x.id !== q.id && x.answered > 0);
        expect(segment, "a question to break the mean down by").toBeDefined();
        const r = await runCrosstab(store, dataset, { outcome: q.id, statistic: "mean", segment: segment!.id, missing_segment: "include_in_total" });
        if (r.statistic !== "mean") throw new Error("expected a mean crosstab");
        expect(r.total.n).toBe(mean.n);
        expect(r.total.unweighted?.mean).toBeCloseTo(mean.value, 6);
      });
  });
}
