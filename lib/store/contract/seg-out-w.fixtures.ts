/**
 * Test fixture shared by the store suites: a three-column table (segment, outcome, weight) stored
 * as c0, c1, c2, with the ingest draft the sink returns for it.
 */
import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { IngestResult, RowSink } from "@/lib/ingest/types";
import type { Dataset } from "@/lib/schema/dataset";
import type { Question, StoredColumn } from "@/lib/schema/question";
import type { SurveyStore } from "../types";

export const SEG_OUT_W_COLUMNS = [
  { index: 0, name: "c0", headers: ["seg"] },
  { index: 1, name: "c1", headers: ["out"] },
  { index: 2, name: "c2", headers: ["w"] },
];

/** Seven rows of the seg/out/w table: two segments, a missing outcome, a missing segment, an invalid and a fractional weight. */
export const SEG_OUT_W_ROWS = [
  ["a", "yes", "2"],
  ["a", "no", "1"],
  ["b", "yes", "1"],
  ["b", "", "1"], // missing outcome
  ["", "yes", "1"], // missing segment
  ["b", "no", "-1"], // invalid weight
  ["b", "yes", "0.5"],
];

/** The draft a CSV ingest of `respondents` rows with these columns and questions produces (what a test's sink returns). */
export function ingestDraft(columns: StoredColumn[], respondents: number, questions: Question[] = []): IngestResult {
  return { format: "microdata", encoding: "utf-8", delimiter: ",", headerRows: 1, respondents, bytes: 10, sha256: "x", columns, questions, warnings: [] };
}

/** The draft an ingest of `respondents` rows of the seg/out/w table produces. */
export function segOutWDraft(respondents: number): IngestResult {
  return ingestDraft(SEG_OUT_W_COLUMNS, respondents, [
    { id: "seg", label: "seg", type: "single", columns: ["c0"], options: [], missingCodes: [], answered: 0 },
    { id: "out", label: "out", type: "single", columns: ["c1"], options: [], missingCodes: [], answered: 0 },
    { id: "w", label: "w", type: "weight", columns: ["c2"], options: [], missingCodes: [], answered: 0 },
  ]);
}

/** A crosstab plan over the seg/out/w table: the c2-weighted share of "yes" in c1 by segment c0, missing segments dropped. */
export function segOutWPlan(over: Partial<CrosstabPlan> = {}): CrosstabPlan {
  return {
    statistic: "proportion",
    outcome: { kind: "column", column: "c1", missingCodes: [] },
    outcomeCategories: ["yes"],
    segment: { column: "c0", missingCodes: [] },
    weight: { column: "c2" },
    filters: [],
    missingSegment: "drop",
    confLevel: 0.95,
    ...over,
  } as CrosstabPlan;
}

/** Import `rows` of the seg/out/w table as dataset `id`. */
export function importSegOutW(store: SurveyStore, rows: string[][], id = "t"): Promise<Dataset> {
  return store.importDataset({ id, name: id.toUpperCase(), owner: "test", fileName: `${id}.csv` }, async (sink: RowSink) => {
    await sink.begin(SEG_OUT_W_COLUMNS);
    await sink.write(rows);
    return segOutWDraft(rows.length);
  });
}
