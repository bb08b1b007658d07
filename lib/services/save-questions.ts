import { applyOverrides } from "@/lib/ingest/apply-overrides";
import { applyRules } from "@/lib/ingest/bulk-rules";
import type { Dataset, DefaultWeight } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import type { QuestionOverride } from "@/lib/schema/question-overrides";
import { schemaEditsSchema } from "@/lib/schema/schema-edits";
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
  const n = new Map(counts.map((c) => [c.value, c.n]));
  // answers set apart keep their own rows, recounted too
  const apart = q.nonSubstantive?.map((o) => ({ ...o, count: n.get(o.code) ?? 0 }));
  const fresh = counts
    .filter((c) => !missing.has(c.value))
    .map((c) => ({ code: c.value, label: known.get(c.value)?.label ?? c.value, count: c.n }));
  // keep the analyst's order for known options, append newly seen values by frequency
  const order = new Map(q.options.map((o, i) => [o.code, i]));
  fresh.sort((a, b) => (order.get(a.code) ?? Infinity) - (order.get(b.code) ?? Infinity));
  return { ...q, options: fresh, answered, ...(apart ? { nonSubstantive: apart } : {}) };
}

/** The default weight after the edits: as asked (a weight question, or null), else kept while it is still a weight. */
function nextDefaultWeight(dataset: Dataset, questions: Question[], asked: string | null | undefined): DefaultWeight | null | undefined {
  if (asked === null) return null;
  if (asked === undefined) {
    const current = dataset.defaultWeight?.question;
    // a default weight retyped as something else is no default any more
    return current && !questions.some((q) => q.id === current && q.type === "weight") ? null : undefined;
  }
  const q = questions.find((x) => x.id === asked);
  if (!q) throw new AppError("unknown_question", `defaultWeight: unknown question: ${asked}`, { role: "defaultWeight", name: asked });
  if (q.type !== "weight") throw new AppError("invalid_spec", `defaultWeight: question ${asked} is not a weight (a ${q.type} question); choose a weight question`, { role: "defaultWeight", name: asked });
  return { question: asked, source: "review" };
}

/**
 * Apply schema-review edits and save them as a new dataset version: the per-question edits
 * (labels, types, option order and value labels, missing codes), then the bulk rules over the
 * questions as edited (answers marked missing in every question, one order for every question
 * with the same scale), and the default weight. Choice questions whose type or missing codes changed are recounted from the
 * data, their value labels and order applied again to the recounted answers.
 *
 * @example
 * await saveQuestionEdits(store, dataset, { questions: [{ id: "age", type: "single" }] })
 * await saveQuestionEdits(store, dataset, { rules: [{ kind: "missing-labels", labels: ["Don't know"] }], defaultWeight: "weight" })
 */
export async function saveQuestionEdits(store: SurveyStore, dataset: Dataset, edits: unknown): Promise<Dataset> {
  const body = schemaEditsSchema.parse(edits);
  body.questions.forEach((o, i) => {
    if (o.id !== undefined && !dataset.questions.some((q) => q.id === o.id)) throw new AppError("unknown_question", `questions.${i}: unknown question: ${o.id}`, { role: "questions", name: o.id });
  });
  // rules read the questions as the per-question edits leave them (codes labelled "Don't know" are matched)
  const ruled = applyRules(applyOverrides(dataset.questions, dataset.columns, { questions: body.questions }), dataset.columns, body.rules ?? []);
  const all: QuestionOverride[] = [...body.questions, ...ruled.edits];
  const edited = ruled.questions;
  const touched = new Set(all.map((o) => o.id));
  // value labels and order once more over recounted answers (a numeric question labelled as a choice has its options only then)
  const labelsAndOrder = { questions: all.filter((o) => o.optionLabels || o.optionOrder).map((o) => ({ id: o.id, column: o.column, optionLabels: o.optionLabels, optionOrder: o.optionOrder })) };
  const questions = await Promise.all(
    edited.map(async (q, i) => {
      const before = dataset.questions[i];
      const changed =
        touched.has(q.id) &&
        (q.type !== before.type || q.missingCodes.join("\u0000") !== before.missingCodes.join("\u0000") || JSON.stringify(q.multi ?? null) !== JSON.stringify(before.multi ?? null));
      return changed ? applyOverrides([await recount(store, dataset, q)], dataset.columns, labelsAndOrder)[0] : q;
    }),
  );
  return store.saveQuestions(dataset.id, questions, { defaultWeight: nextDefaultWeight(dataset, questions, body.defaultWeight) });
}
