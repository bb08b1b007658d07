import type { Question, QuestionOption, StoredColumn } from "@/lib/schema/question";
import type { QuestionOverride, QuestionOverrides } from "@/lib/schema/question-overrides";

function reorder(options: QuestionOption[], order: string[]): QuestionOption[] {
  const byCode = new Map(options.map((o) => [o.code, o]));
  const listed = order.map((code) => byCode.get(code)).filter((o): o is QuestionOption => !!o);
  const seen = new Set(listed);
  return [...listed, ...options.filter((o) => !seen.has(o))];
}

function relabel(options: QuestionOption[], labels: Record<string, string>): QuestionOption[] {
  // read own properties only: codes such as "__proto__" must not reach the prototype
  const map = new Map(Object.entries(labels));
  return options.map((o) => (map.has(o.code) ? { ...o, label: map.get(o.code)! } : o));
}

/**
 * Missing codes set apart: an option the analyst declares missing leaves the options (never a
 * scale position, NET or mean) for `nonSubstantive`, where it stays visible with its count; a
 * non-substantive answer counted as an answer again returns to the options (last).
 */
function setApart(q: Question, missingCodes: string[]): Question {
  const missing = new Set(missingCodes);
  const before = q.nonSubstantive ?? [];
  if (q.type === "multi" || q.multi) return { ...q, missingCodes, ...(q.nonSubstantive ? { nonSubstantive: before.filter((x) => missing.has(x.code)) } : {}) };
  const kept = before.filter((x) => missing.has(x.code));
  const known = new Set(kept.map((x) => x.code));
  const apart = [...kept, ...q.options.filter((o) => missing.has(o.code) && !known.has(o.code))];
  const back = before.filter((x) => !missing.has(x.code) && !q.options.some((o) => o.code === x.code));
  const options = [...q.options.filter((o) => !missing.has(o.code)), ...back];
  return { ...q, missingCodes, options, ...(q.nonSubstantive || apart.length ? { nonSubstantive: apart } : {}) };
}

/** Value labels given for every code: the question no longer asks for them. */
function labelled(q: Question): Question {
  if (!q.needsValueLabels || q.options.some((o) => o.label.trim() === o.code.trim())) return q;
  const { needsValueLabels: _done, ...rest } = q;
  void _done;
  return rest;
}

function apply(q: Question, o: QuestionOverride): Question {
  let next: Question = { ...q };
  if (o.label !== undefined) next.label = o.label;
  if (o.type !== undefined) next.type = o.type;
  if (o.optionOrder) next.options = reorder(next.options, o.optionOrder);
  if (o.optionLabels) {
    next.options = relabel(next.options, o.optionLabels);
    if (next.nonSubstantive) next.nonSubstantive = relabel(next.nonSubstantive, o.optionLabels);
    next = labelled(next);
  }
  if (o.missingCodes) next = setApart(next, [...o.missingCodes]);
  // a user-given order replaces the inferred one
  if (o.optionOrder && next.orderBasis) next.orderBasis = undefined;
  if (o.group !== undefined) next.group = o.group;
  if (o.multi) next.multi = { layout: o.multi.layout, delimiter: o.multi.delimiter, uncheckedCodes: next.multi?.uncheckedCodes ?? [] };
  if (next.type !== "multi" && q.type === "multi" && o.type !== undefined) next = { ...next, multi: undefined };
  return next;
}

/**
 * Apply analyst overrides to detected questions. A question matches an override by `id`, or by
 * `column`: the header text (any header row) of its first column. Options are reordered and
 * relabelled, types and labels replaced, answers declared missing set apart (`nonSubstantive`);
 * counts are not recomputed.
 *
 * @example
 * applyOverrides(questions, columns, { questions: [{ id: "Q1", label: "Satisfaction", optionOrder: ["1", "2", "3"] }] });
 */
export function applyOverrides(questions: Question[], columns: StoredColumn[], overrides: QuestionOverrides): Question[] {
  const headersByName = new Map(columns.map((c) => [c.name, c.headers.map((h) => h.trim())]));
  const matches = (q: Question, o: QuestionOverride) =>
    (o.id !== undefined && q.id === o.id) || (o.column !== undefined && (headersByName.get(q.columns[0]) ?? []).includes(o.column.trim()));
  return questions.map((q) => overrides.questions.filter((o) => matches(q, o)).reduce(apply, q));
}
