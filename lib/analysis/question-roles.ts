import type { Question } from "@/lib/schema/question";
import type { ProtectedQuestion } from "@/lib/schema/dataset";

/** The slice of a question the analysis UI needs (sent to the browser). */
export interface QuestionLite {
  id: string;
  label: string;
  type: Question["type"];
  /** count: null when hidden from an aggregate-only audience (lib/disclosure/question-model.ts) */
  options: { code: string; label: string; count: number | null }[];
  /** the grid (rows × one scale) this question is a row of */
  grid?: { id: string; label: string };
}

const CATEGORICAL = new Set<Question["type"]>(["single", "ordinal", "multi"]);

/** Questions that can be an outcome: categorical (a share) or numeric (a mean). */
export function canBeOutcome(q: QuestionLite): boolean {
  return (CATEGORICAL.has(q.type) && q.options.length > 0) || q.type === "numeric";
}

/** Questions that can split respondents into non-overlapping groups. */
export function canBeSegment(q: QuestionLite): boolean {
  return (q.type === "single" || q.type === "ordinal") && q.options.length >= 2 && q.options.length <= 60;
}

/** Questions usable as filters. */
export function canBeFilter(q: QuestionLite): boolean {
  return CATEGORICAL.has(q.type) && q.options.length > 0 && q.options.length <= 200;
}

/** Reduce a question to what the browser needs. */
export function toQuestionLite(q: Question | ProtectedQuestion | QuestionLite): QuestionLite {
  return { id: q.id, label: q.label, type: q.type, options: q.options.map((o) => ({ code: o.code, label: o.label, count: o.count })), ...(q.grid ? { grid: { id: q.grid.id, label: q.grid.label } } : {}) };
}

/**
 * The grids among the questions (rows × one scale), each once, with its row count: they can be a
 * banner outcome (one column per row).
 * @example gridsOf(questions) // [{ id: "Satisfaction", label: "How satisfied…", rows: 3 }]
 */
export function gridsOf(questions: readonly QuestionLite[]): { id: string; label: string; rows: number }[] {
  const out = new Map<string, { id: string; label: string; rows: number }>();
  for (const q of questions) {
    if (!q.grid || (q.type !== "single" && q.type !== "ordinal")) continue;
    const g = out.get(q.grid.id) ?? { id: q.grid.id, label: q.grid.label, rows: 0 };
    g.rows++;
    out.set(q.grid.id, g);
  }
  // a grid id that is also a question id would be that question, not the grid
  return [...out.values()].filter((g) => g.rows >= 2 && !questions.some((q) => q.id === g.id));
}
