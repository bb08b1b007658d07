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
 * same rule. An answer given by 1..k−1 respondents is not listed at all: its value can be the
 * data itself (a numeric column retyped as a choice lists every distinct income, the outlier
 * too), and a crosstab would show it as "< k" anyway. Respondent access keeps the model as is
 * (the caller decides through `seesExact`). Pure; never mutates its input.
 */
import type { Dataset } from "@/lib/schema/dataset";
import type { ProtectedDataset, ProtectedQuestion } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";

/**
 * One question as shown to an aggregate-only audience: its counts null, answers of 1..k−1 unlisted.
 * @example protectQuestion({ ...q, answered: 40, options: [{ code: "a", label: "A", count: 1 }, { code: "b", label: "B", count: 39 }] }, 5).options // [{ code: "b", label: "B", count: null }]
 */
export function protectQuestion(q: Question, k: number): ProtectedQuestion {
  const listed = <T extends { count: number }>(o: T) => !(o.count > 0 && o.count < k);
  const uncounted = <T extends { count: number }>(o: T) => ({ ...structuredClone(o), count: null });
  return {
    ...structuredClone(q),
    answered: null,
    options: q.options.filter(listed).map(uncounted),
    ...(q.nonSubstantive ? { nonSubstantive: q.nonSubstantive.filter(listed).map(uncounted) } : {}),
  };
}

/**
 * The dataset with every question's counts withheld.
 * @example protectQuestionModel(dataset, 5).questions[0].options[0].count // null
 */
export function protectQuestionModel(dataset: Dataset, k: number): ProtectedDataset {
  return { ...dataset, questions: dataset.questions.map((q) => protectQuestion(q, k)) };
}
