/**
 * One small protected respondent segment for the typed writers' tests (XLSX, Parquet, the file
 * service): every column kind (numeric, weight, single, ordinal, text, id, a multi-select option
 * column), missing cells, suppressed cells (`*`) in a text and a number column, a formula-looking
 * answer, a control character, a quote.
 */
import type { Question } from "@/lib/schema/question";
import type { RespondentExportAbout } from "./respondents-about";

const q = (over: Partial<Question> & Pick<Question, "id" | "type">): Question => ({ label: over.id, columns: ["c0"], options: [], missingCodes: [], answered: 0, ...over });

export const QUESTIONS: Question[] = [
  q({ id: "region", type: "single", label: "Region", columns: ["c1"], options: [{ code: "North", label: "North", count: 0 }, { code: "South", label: "South", count: 0 }] }),
  q({ id: "age", type: "numeric", label: "Age in years", columns: ["c2"], missingCodes: ["-99"] }),
  q({ id: "satisfaction", type: "ordinal", label: "How satisfied are you?", columns: ["c3"], options: [{ code: "1", label: "Low", count: 0 }, { code: "5", label: "High", count: 0 }] }),
  q({ id: "comment", type: "text", label: "Anything else?", columns: ["c4"] }),
  q({
    id: "tools",
    type: "multi",
    label: "Tools used",
    columns: ["c5", "c6"],
    options: [
      { code: "Vault", label: "Vault", count: 0, column: "c5" },
      { code: "CI secrets", label: "CI secrets", count: 0, column: "c6" },
    ],
  }),
  q({ id: "weight", type: "weight", label: "Weight", columns: ["c7"] }),
];

/** the exported columns' names, as the CSV header */
export const HEADER = ["region", "age", "satisfaction", "comment", "tools: Vault", "tools: CI secrets", "weight"];

export const ROWS: (string | null)[][] = [
  ["North", "34", "5", "=1+2", "Selected", null, "1.25"],
  ["South", "41.5", "1", 'said "fine"\nthen left', null, "Selected", "0.8"],
  ["*", "*", null, null, "Selected", "Selected", "1"],
  ["North", null, "5", "bell\u0007here", null, null, "0.95"],
  ["South", "-99", "1", "*", "Selected", null, "1"],
];

export const ABOUT: RespondentExportAbout = {
  dataset: 'Staff survey "2026"',
  version: 3,
  filters: { region: ["North", "South"], satisfaction: ["1", "5"] },
  k: 5,
  quasiIdentifiers: ["region", "age"],
  hiddenFilterColumns: true,
  suppressedCells: 2,
  rows: ROWS.length,
  truncated: false,
  rowCap: 10_000,
  generatedAt: new Date(Date.UTC(2026, 4, 17, 9, 30, 0)),
};
