import type { Question } from "@/lib/schema/question";
import type { QuestionOverride } from "@/lib/schema/question-overrides";

/** At most this many codes in one set of value labels (a choice question's option limit). */
export const MAX_VALUE_LABELS = 200;
const MAX_LABEL = 500;

export interface ParsedValueLabels {
  /** code → label, in the order given */
  pairs: [string, string][];
  /** located problems, 1-based lines; nothing is applied while there are any */
  errors: { line: number; message: string }[];
}

/** `1 = Primary school`, `1: Primary`, `1<TAB>Primary` (a pasted codebook), `1. Primary`, `1) Primary` */
const LINE = /^\s*([^\s=:\t]+?)\s*(?:=|:|\t|[.)](?=\s))\s*(.*?)\s*$/;

/**
 * Read value labels written one per line, `code = label` (also `code: label`, `code<TAB>label`
 * as pasted from a spreadsheet, `1. label` or `1) label` as in a printed codebook). Blank lines
 * are skipped; a line without a code and a label, a code given twice, or too many lines is a
 * located error.
 *
 * @example
 * parseValueLabels("1 = Primary\n2 = Secondary").pairs; // [["1", "Primary"], ["2", "Secondary"]]
 */
export function parseValueLabels(text: string): ParsedValueLabels {
  const pairs: [string, string][] = [];
  const errors: ParsedValueLabels["errors"] = [];
  const seen = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const m = LINE.exec(raw);
    if (!m || !m[2]) return errors.push({ line, message: "write a code, then = and its label (e.g. 1 = Primary school)" });
    const [, code, label] = m;
    if (label.length > MAX_LABEL) return errors.push({ line, message: `a label has at most ${MAX_LABEL} characters` });
    const first = seen.get(code);
    if (first !== undefined) return errors.push({ line, message: `code ${code} is already labelled on line ${first}` });
    seen.set(code, line);
    pairs.push([code, label]);
  });
  if (pairs.length > MAX_VALUE_LABELS) errors.push({ line: 1, message: `at most ${MAX_VALUE_LABELS} codes can be labelled` });
  return { pairs, errors };
}

/** The value labels of a question's answers, one `code = label` per line (what the editor starts from). */
export function formatValueLabels(q: Pick<Question, "options" | "nonSubstantive">): string {
  return [...q.options, ...(q.nonSubstantive ?? [])].map((o) => `${o.code} = ${o.label}`).join("\n");
}

/**
 * The schema edit that labels a question's codes. A choice question keeps its type and order
 * unless `type` says otherwise; a numeric question needs `type` (single or ordinal) and takes its
 * answers in the order the codes were labelled (the codebook's); codes in the data without a
 * label are kept, labelled by their code.
 *
 * @example
 * valueLabelEdit(educ, [["1", "Primary"], ["2", "Secondary"]], "ordinal");
 * // { id: "educ", type: "ordinal", optionLabels: { 1: "Primary", 2: "Secondary" }, optionOrder: ["1", "2"] }
 */
export function valueLabelEdit(q: Pick<Question, "id" | "type">, pairs: [string, string][], type?: "single" | "ordinal"): QuestionOverride & { id: string } {
  const edit: QuestionOverride & { id: string } = { id: q.id, optionLabels: Object.fromEntries(pairs) };
  if (type && type !== q.type) edit.type = type;
  if (q.type === "numeric" || q.type === "text") edit.optionOrder = pairs.map(([code]) => code);
  return edit;
}
