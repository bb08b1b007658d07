import { applyOverrides } from "@/lib/ingest/apply-overrides";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import { questionOverridesSchema } from "@/lib/schema/question-overrides";
import type { SurveyStore } from "@/lib/store/types";

const CATEGORICAL = new Set<Question["type"]>(["single", "ordinal"]);
const MAX_OPTIONS = 200;

/** Recount a single-column question's options and answered base from the stored data. */
async function recount(store: SurveyStore, dataset: Dataset, q: Question): Promise<Question> {
  if (q.columns.length !== 1 || q.type === "multi") return q;
  const counts = await store.valueCounts(dataset, q.columns[0], MAX_OPTIONS + 1);
  const missing = new Set(q.missingCodes);
  const answered = counts.filter((c) => !missing.has(c.value)).reduce((a, c) => a + c.n, 0);
  if (!CATEGORICAL.has(q.type)) return { ...q, answered };
  if (counts.length > MAX_OPTIONS) throw new AppError("invalid_spec", `too many distinct values for a choice question: ${q.id} (more than ${MAX_OPTIONS})`);
  const known = new Map(q.options.map((o) => [o.code, o]));
  const fresh = counts
    .filter((c) => !missing.has(c.value))
    .map((c) => ({ code: c.value, label: known.get(c.value)?.label ?? c.value, count: c.n }));
  // keep the analyst's order for known options, append newly seen values by frequency
  const order = new Map(q.options.map((o, i) => [o.code, i]));
  fresh.sort((a, b) => (order.get(a.code) ?? Infinity) - (order.get(b.code) ?? Infinity));
  return { ...q, options: fresh, answered };
}

/**
 * Apply schema-review edits (labels, types, option order and labels, missing codes) and save
 * them as a new dataset version; choice questions get their options recounted from the data.
 *
 * @example
 * await saveQuestionEdits(store, dataset, { questions: [{ id: "age", type: "single" }] })
 */
export async function saveQuestionEdits(store: SurveyStore, dataset: Dataset, edits: unknown): Promise<Dataset> {
  const overrides = questionOverridesSchema.parse(edits);
  for (const o of overrides.questions) {
    if (o.id !== undefined && !dataset.questions.some((q) => q.id === o.id)) throw new AppError("unknown_question", `unknown question: ${o.id}`);
  }
  const edited = applyOverrides(dataset.questions, dataset.columns, overrides);
  const touched = new Set(overrides.questions.map((o) => o.id));
  const questions = await Promise.all(
    edited.map((q, i) => {
      const before = dataset.questions[i];
      const changed = touched.has(q.id) && (q.type !== before.type || q.missingCodes.join("\u0000") !== before.missingCodes.join("\u0000"));
      return changed ? recount(store, dataset, q) : q;
    }),
  );
  return store.saveQuestions(dataset.id, questions);
}
