/**
 * `protectQuestionModel`: a dataset's question model (option counts, answered bases) as an
 * aggregate-only audience may see it. These are marginal counts with no filter, but a count of 1
 * still tells that exactly one respondent chose an option, so small counts are hidden like small
 * cells.
 *
 * Rule (sound and simple): a question with any option count, count of an answer set apart as
 * non-substantive ("Don't know"), answered base or non-answer count (respondents − answered) in
 * 1..k−1 shows none of its counts (options, answers set apart and answered all null), so no total
 * or difference recomputes a hidden one. Zero stays zero (as in `isSmallCount`, not
 * sensitive). Pure; never mutates its input.
 */
import type { Dataset } from "@/lib/schema/dataset";
import type { ProtectedDataset, ProtectedQuestion } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";

const small = (n: number, k: number) => n > 0 && n < k;

/**
 * One question's counts as shown to an aggregate-only audience.
 * @example protectQuestion({ ...q, answered: 40, options: [{ code: "a", label: "A", count: 1 }, { code: "b", label: "B", count: 39 }] }, 60, 5).options[1].count // null
 */
export function protectQuestion(q: Question, respondents: number, k: number): ProtectedQuestion {
  const apart = q.nonSubstantive ?? [];
  const hide = small(q.answered, k) || small(respondents - q.answered, k) || [...q.options, ...apart].some((o) => small(o.count, k));
  if (!hide) return structuredClone(q);
  const hidden = (o: Question["options"][number]) => ({ ...structuredClone(o), count: null });
  return { ...structuredClone(q), answered: null, options: q.options.map(hidden), ...(q.nonSubstantive ? { nonSubstantive: q.nonSubstantive.map(hidden) } : {}) };
}

/**
 * The dataset with every question's counts protected (respondent access keeps `dataset` as is; the
 * caller decides through `seesExact`).
 * @example protectQuestionModel(dataset, 5).questions[0].options[0].count // null when small
 */
export function protectQuestionModel(dataset: Dataset, k: number): ProtectedDataset {
  return { ...dataset, questions: dataset.questions.map((q) => protectQuestion(q, dataset.respondents, k)) };
}
