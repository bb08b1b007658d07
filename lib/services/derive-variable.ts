import type { Dataset } from "@/lib/schema/dataset";
import { derivedVariableSchema, type DerivedVariable } from "@/lib/schema/derived";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import { splitMultiCell } from "@/lib/ingest/multi-split";
import type { SurveyStore } from "@/lib/store";

/** The codes a respondent gave to a question (one for single-column questions, the chosen options of a multi-select). */
function codesOf(q: Question, row: (string | null)[]): string[] | null {
  const missing = new Set(q.missingCodes);
  if (q.type === "multi" && q.multi?.layout === "columns") {
    const unchecked = new Set([...(q.multi.uncheckedCodes ?? []), ...q.missingCodes]);
    const answered = row.some((v) => v !== null && !missing.has(v));
    if (!answered) return null;
    return q.options.filter((o) => o.column && row[q.columns.indexOf(o.column)] !== null && !unchecked.has(row[q.columns.indexOf(o.column)]!)).map((o) => o.code);
  }
  const v = row[0];
  if (v === null || missing.has(v)) return null;
  if (q.type === "multi" && q.multi?.layout === "delimited") return splitMultiCell(v, q.multi.delimiter ?? ";");
  return [v];
}

/**
 * Compute a derived variable over every respondent and save it as a new dataset version (the raw
 * data stay untouched; the recipe is kept as lineage). Returns the new version and its question.
 *
 * @example await deriveVariable(store, dataset, { id: "live_12m", label: "Live or planning", source: "agent_status", groups: [...] })
 */
export async function deriveVariable(store: SurveyStore, dataset: Dataset, body: unknown): Promise<{ dataset: Dataset; question: Question }> {
  const spec: DerivedVariable = derivedVariableSchema.parse(body);
  const source = dataset.questions.find((q) => q.id === spec.source);
  if (!source) throw new AppError("unknown_question", `unknown source question: ${spec.source}`);
  if (dataset.questions.some((q) => q.id === spec.id)) throw new AppError("conflict", `a question with this id exists: ${spec.id}`);
  const known = new Set(source.options.map((o) => o.code));
  const unknown = spec.groups.flatMap((g) => g.from).filter((c) => known.size > 0 && !known.has(c));
  if (unknown.length) throw new AppError("invalid_spec", `not an option of ${source.id}: ${unknown.slice(0, 5).join(", ")}`);

  const rows = await store.readRows(dataset, source.columns, Number.MAX_SAFE_INTEGER);
  const counts = new Map(spec.groups.map((g) => [g.code, 0]));
  const values = rows.map((row) => {
    const codes = codesOf(source, row);
    if (codes === null) return null;
    const group = spec.groups.find((g) => g.from.some((c) => codes.includes(c)));
    if (!group) return null;
    counts.set(group.code, (counts.get(group.code) ?? 0) + 1);
    return group.code;
  });
  const column = `c${dataset.columns.length}`;
  const question: Question = {
    id: spec.id,
    label: spec.label,
    type: spec.type,
    columns: [column],
    options: spec.groups.map((g) => ({ code: g.code, label: g.label ?? g.code, count: counts.get(g.code) ?? 0 })),
    missingCodes: [],
    answered: values.filter((v) => v !== null).length,
    group: "Derived",
  };
  const next = await store.deriveVersion(dataset, [{ header: spec.id, values }], [...dataset.questions, question], {
    kind: "derived",
    fromVersion: dataset.version,
    columns: [column],
    recipe: spec,
    createdAt: new Date().toISOString(),
  });
  return { dataset: next, question };
}
