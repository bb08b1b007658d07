/**
 * The columns of a respondent-level export and how typed formats (SAV, XLSX, Parquet) store their
 * cells. Column names are the CSV export's headers: the question id, or `id: option` for each
 * option column of a column-per-option multi-select. Numeric questions (numbers, weights) are
 * written as numbers when every cell is one; everything else as text. A suppressed cell (k-anonymity)
 * is empty in a number column: it cannot hold the `*` the CSV shows.
 */
import type { Question } from "@/lib/schema/question";

/** one exported column */
export interface RespondentColumn {
  /** the column's name (the CSV export's header) */
  name: string;
  /** the question text (and option label) */
  label: string;
  question: Question;
}

/** How a typed format stores one column. */
export type CellKind = "number" | "text";

/** What a suppressed cell holds in the rows (lib/governance/k-anonymity SUPPRESSED). */
export const SUPPRESSED_CELL = "*";

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * The exported columns of `questions`: one per single-column question, one per option column of a
 * column-per-option multi-select (named and labelled "question: option").
 *
 * @example respondentColumns([country]).map((c) => c.name) // ["country"]
 */
export function respondentColumns(questions: Question[]): RespondentColumn[] {
  return questions.flatMap((q) =>
    q.columns.length === 1
      ? [{ name: q.id, label: q.label, question: q }]
      : q.columns.map((c) => {
          const option = q.options.find((o) => o.column === c)?.label ?? c;
          return { name: `${q.id}: ${option}`, label: `${q.label}: ${option}`, question: { ...q, columns: [c], options: [], missingCodes: q.missingCodes } };
        }),
  );
}

/**
 * The kind of each column: `number` for numeric and weight questions whose every cell is a finite
 * number, empty or suppressed; `text` otherwise (a stray "n/a" keeps the column as text, never lost).
 *
 * @example cellKinds([{ name: "age", label: "Age", question: ageQ }], [["34"], ["*"], [null]]) // ["number"]
 */
export function cellKinds(columns: readonly RespondentColumn[], rows: readonly (readonly (string | null)[])[]): CellKind[] {
  return columns.map((c, j) => {
    if (c.question.type !== "numeric" && c.question.type !== "weight") return "text";
    return rows.every((r) => {
      const v = r[j];
      return v === null || v === "" || v === SUPPRESSED_CELL || (NUMBER.test(v) && Number.isFinite(Number(v)));
    })
      ? "number"
      : "text";
  });
}

/**
 * One cell as a typed format stores it: a number in a number column (empty and suppressed cells
 * null), the text otherwise (empty text null; a suppressed cell `suppressedText`).
 *
 * @example typedCell("41.5", "number", "*") // 41.5
 * @example typedCell("*", "text", null) // null
 */
export function typedCell(cell: string | null, kind: CellKind, suppressedText: string | null): number | string | null {
  if (cell === null || cell === "") return null;
  if (cell === SUPPRESSED_CELL) return kind === "number" ? null : suppressedText;
  return kind === "number" ? Number(cell) : cell;
}
