/** Multi-select semantics (delimited and column layouts, NETs, filters) on every backend. */
import { beforeEach, describe, expect, test } from "vitest";
import { resolveCrosstabSpec } from "@/lib/analysis/resolve-spec";
import { crosstabSpecSchema } from "@/lib/schema/crosstab-spec";
import type { Dataset } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import type { SurveyStore } from "../types";
import { BACKENDS, storePerTest } from "./backends.fixtures";
import { ingestDraft } from "./seg-out-w.fixtures";

const columns = ["seg", "tools", "opt_a", "opt_b"].map((h, i) => ({ index: i, name: `c${i}`, headers: [h] }));
const q = (over: Partial<Question> & Pick<Question, "id" | "type" | "columns">): Question => ({ label: over.id, options: [], missingCodes: [], answered: 0, ...over });
const questions: Question[] = [
  q({ id: "seg", type: "single", columns: ["c0"], options: [{ code: "x", label: "x", count: 0 }, { code: "y", label: "y", count: 0 }] }),
  q({
    id: "tools",
    type: "multi",
    columns: ["c1"],
    multi: { layout: "delimited", delimiter: ", ", uncheckedCodes: [] },
    options: ["RStudio", "R Command Line (i.e., Terminal)", "Other"].map((o) => ({ code: o, label: o, count: 0 })),
  }),
  q({
    id: "opts",
    type: "multi",
    columns: ["c2", "c3"],
    multi: { layout: "columns", uncheckedCodes: ["Not selected"] },
    missingCodes: ["NA"],
    options: [
      { code: "A", label: "A", count: 0, column: "c2" },
      { code: "B", label: "B", count: 0, column: "c3" },
    ],
  }),
];
const rows = [
  ["x", "RStudio, R Command Line (i.e., Terminal)", "A", "Not selected"],
  ["x", "R Command Line (i.e., Terminal)", "Not selected", "B"],
  ["y", "Other", "A", "B"],
  ["y", "", "NA", "NA"], // skipped both questions: not in the base
  ["y", "RStudio", "Not selected", "Not selected"], // answered opts, chose neither
];

describe.each(BACKENDS)("multi-select: $name", (backend) => {
  let store: SurveyStore;
  let ds: Dataset;
  storePerTest(backend, (s) => (store = s));
  beforeEach(async () => {
    ds = await store.importDataset({ id: "m", name: "m", owner: "t", fileName: "m.csv" }, async (sink) => {
      await sink.begin(columns);
      await sink.write(rows);
      return ingestDraft(columns, rows.length, questions);
    });
  });

  async function chosenBySegment(outcome: string, category: string | string[]) {
    const spec = crosstabSpecSchema.parse({ outcome, outcome_category: category, segment: "seg" });
    const input = await store.cellSums(ds, resolveCrosstabSpec(spec, ds, { missing: "declared" }));
    const by = (s: string) => input.cells.filter((c) => c.segment === s).reduce((a, c) => ({ n: a.n + c.n, y: a.y + c.sy }), { n: 0, y: 0 });
    return { analytic: input.rows.analytic, missing: input.rows.excluded_missing_outcome, x: by("x"), y: by("y") };
  }

  test("a delimited option that contains the delimiter is matched whole", async () => {
    const r = await chosenBySegment("tools", "R Command Line (i.e., Terminal)");
    expect(r).toEqual({ analytic: 4, missing: 1, x: { n: 2, y: 2 }, y: { n: 2, y: 0 } });
  });

  test("the base of a multi-select is respondents who answered it, not responses", async () => {
    const r = await chosenBySegment("opts", "B");
    // row 4 answered NA everywhere: missing; row 5 saw the question and chose neither: in the base
    expect(r).toEqual({ analytic: 4, missing: 1, x: { n: 2, y: 1 }, y: { n: 2, y: 1 } });
  });

  test("a NET counts respondents choosing any of its options once", async () => {
    const r = await chosenBySegment("opts", ["A", "B"]);
    expect(r).toEqual({ analytic: 4, missing: 1, x: { n: 2, y: 2 }, y: { n: 2, y: 1 } });
  });

  test("a multi-select filter keeps respondents choosing any listed option", async () => {
    const spec = crosstabSpecSchema.parse({ outcome: "seg", outcome_category: "x", segment: "seg", filters: { opts: ["B"] } });
    const input = await store.cellSums(ds, resolveCrosstabSpec(spec, ds, { missing: "declared" }));
    expect(input.rows.after_filters).toBe(2);
  });
});
