/**
 * `protectQuestionModel`: a dataset's question model (option counts, answered bases) as an
 * aggregate-only audience may see it: questions, types, options and labels, **no counts**.
 *
 * Why none, not only the small ones: a marginal count is the size of a population (everyone who
 * chose an option, everyone who answered). Shown beside the audited releases (crosstabs, banners,
 * NPS, insights), every such count would be a population the differencing audit never saw: the
 * option "5y+" shown as 39 and a crosstab of "5y+" among everyone outside Legal (38) single out
 * the one Legal respondent with 5y+. Counts therefore reach an aggregate-only audience through
 * the audited path only (a crosstab of the question gives the same numbers, recorded in the
 * viewer's history). Derived-variable previews and the counts of weighting reports follow the
 * same rule. Respondent access keeps the model as is (the caller decides through `seesExact`).
 * Pure; never mutates its input.
 */
import type { Dataset } from "@/lib/schema/dataset";
import type { ProtectedDataset, ProtectedQuestion } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";

/**
 * One question as shown to an aggregate-only audience: its counts null.
 * @example protectQuestion({ ...q, answered: 40, options: [{ code: "a", label: "A", count: 1 }, { code: "b", label: "B", count: 39 }] }).options[1].count // null
 */
export function protectQuestion(q: Question): ProtectedQuestion {
  const uncounted = <T extends { count: number }>(o: T) => ({ ...structuredClone(o), count: null });
  return { ...structuredClone(q), answered: null, options: q.options.map(uncounted), ...(q.nonSubstantive ? { nonSubstantive: q.nonSubstantive.map(uncounted) } : {}) };
}

/**
 * The dataset with every question's counts withheld.
 * @example protectQuestionModel(dataset).questions[0].options[0].count // null
 */
export function protectQuestionModel(dataset: Dataset): ProtectedDataset {
  return { ...dataset, questions: dataset.questions.map((q) => protectQuestion(q)) };
}
