import { applyOverrides } from "@/lib/ingest/apply-overrides";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import { questionOverridesSchema } from "@/lib/schema/question-overrides";
import type { SurveyStore } from "@/lib/store";
import { splitMultiCell } from "@/lib/ingest/multi-split";

const CATEGORICAL = new Set<Question["type"]>(["single", "ordinal"]);
const MAX_OPTIONS = 200;

const MAX_DISTINCT_CELLS = 20_000;

/** Recount a one-column delimited multi-select: each cell split into whole options (respondents per option). */
async function recountDelimited(store: SurveyStore, dataset: Dataset, q: Question, delimiter: string): Promise<Question> {
  if (!delimiter) throw new AppError("invalid_spec", `a multi-select needs a delimiter: ${q.id}`);
  const cells = await store.valueCounts(dataset, q.columns[0], MAX_DISTINCT_CELLS);
  const missing = new Set(q.missingCodes);
  const counts = new Map<string, number>();
  let answered = 0;
  for (const c of cells) {
    if (missing.has(c.value)) continue;
    answered += c.n;
    for (const token of new Set(splitMultiCell(c.value, delimiter))) counts.set(token, (counts.get(token) ?? 0) + c.n);
  }
  const labels = new Map(q.options.map((o) => [o.code, o.label]));
  const options = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_OPTIONS)
    .map(([code, count]) => ({ code, label: labels.get(code) ?? code, count }));
  return { ...q, options, answered, multi: { layout: "delimited", delimiter, uncheckedCodes: [] } };
}

/** Recount a single-column question's options and answered base from the stored data. */
async function recount(store: SurveyStore, dataset: Dataset, q: Question): Promise<Question> {
  // a one-column question retyped as a multi-select is a delimited one (";" unless told otherwise)
  if (q.columns.length === 1 && q.type === "multi" && (q.multi?.layout ?? "delimited") === "delimited") return recountDelimited(store, dataset, q, q.multi?.delimiter ?? ";");
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
      const changed =
        touched.has(q.id) &&
        (q.type !== before.type || q.missingCodes.join("\u0000") !== before.missingCodes.join("\u0000") || JSON.stringify(q.multi ?? null) !== JSON.stringify(before.multi ?? null));
      return changed ? recount(store, dataset, q) : q;
    }),
  );
  return store.saveQuestions(dataset.id, questions);
}
