import type { QuestionOverrides } from "@/lib/schema/question-overrides";
import type { QuestionType } from "@/lib/schema/question";

/** One demo CSV column and the question it carries. */
export interface DemoColumn {
  /** header text: short snake_case */
  column: string;
  /** question text shown in the app */
  label: string;
  type: QuestionType;
  /** option codes in display order (ordinal: low → high) */
  options?: readonly string[];
  /** display labels for codes that are terse (e.g. "1" → "1 – Very dissatisfied") */
  optionLabels?: Readonly<Record<string, string>>;
  /** Likert grid / block the question belongs to */
  group?: string;
}

/** Separator between chosen options in a delimited multi-select cell. */
export const MULTI_DELIMITER = ";";

/**
 * The `*.questions.json` overrides for a demo dataset: label, type, option order and layout of
 * every column, matched by header text.
 *
 * @example
 * toQuestionOverrides([{ column: "weight", label: "Survey weight", type: "weight" }]);
 * // { questions: [{ column: "weight", label: "Survey weight", type: "weight" }] }
 */
export function toQuestionOverrides(columns: readonly DemoColumn[]): QuestionOverrides {
  return {
    questions: columns.map((c) => ({
      column: c.column,
      label: c.label,
      type: c.type,
      ...(c.options ? { optionOrder: [...c.options] } : {}),
      ...(c.optionLabels ? { optionLabels: { ...c.optionLabels } } : {}),
      ...(c.type === "multi" ? { multi: { layout: "delimited" as const, delimiter: MULTI_DELIMITER } } : {}),
      ...(c.group ? { group: c.group } : {}),
    })),
  };
}

/**
 * Checks generated rows against the column model: every value of a single/ordinal column is
 * one of its options, every multi-select part is an option, and no row has unknown keys.
 * Throws on the first violation (a generator bug).
 *
 * @example
 * assertRowsMatchColumns(columns, rows);
 */
export function assertRowsMatchColumns(columns: readonly DemoColumn[], rows: readonly Record<string, string>[]): void {
  const byName = new Map(columns.map((c) => [c.column, c]));
  rows.forEach((row, r) => {
    for (const [key, value] of Object.entries(row)) {
      const col = byName.get(key);
      if (!col) throw new Error(`row ${r + 1}: unknown column: ${key}`);
      if (value === "" || !col.options) continue;
      const parts = col.type === "multi" ? value.split(MULTI_DELIMITER) : [value];
      for (const p of parts) {
        if (!col.options.includes(p)) throw new Error(`row ${r + 1}: ${key}: unknown option: ${p}`);
      }
    }
  });
}
