/** Browser-safe helpers for choosing what the insights explain. */
import type { QuestionLite } from "@/lib/analysis/question-roles";

/** What the insights page opens on (null: the dataset has no question to explain). */
export interface InsightsSpecDefaults {
  fromDemo: boolean;
  spec: {
    outcome: string;
    outcome_category: string;
    weight?: string;
    filters: Record<string, string[]>;
    outcome_label?: string;
  } | null;
}

/**
 * Questions whose share can be explained: a single choice or a scale with two or more options
 * (a driver model cannot take a multi-select outcome).
 * @example insightOutcomes([{ id: "q1", label: "Q1", type: "single", options: [{ code: "a", label: "a", count: 1 }, { code: "b", label: "b", count: 2 }] }]).length // 1
 */
export function insightOutcomes(questions: readonly QuestionLite[]): QuestionLite[] {
  return questions.filter((q) => (q.type === "single" || q.type === "ordinal") && q.options.length >= 2);
}
