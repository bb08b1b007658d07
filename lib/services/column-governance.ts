import { columnStatusSchema, detectColumnStatus, governedStatus, type ColumnStatus, type ColumnStatusMap } from "@/lib/governance/column-status";
import { protectQuestionModel } from "@/lib/disclosure/question-model";
import type { Dataset, ProtectedDataset } from "@/lib/schema/dataset";
import { getEnv } from "@/lib/schema/env";
import { AppError } from "@/lib/schema/errors";
import { proposeColumnStatus, readColumnStatus, writeColumnStatus, type SurveyStore } from "@/lib/store";

/** One question's governed status as the policy route shows it. */
export interface QuestionStatusRow {
  id: string;
  label: string;
  status: ColumnStatus;
  /** "admin" when an admin decided it, else "detected" */
  source: "detected" | "admin";
}

const RANK: Readonly<Record<ColumnStatus, number>> = { identifier: 0, "free-text": 1, quasi: 2, none: 3 };

/**
 * The governed status of every stored column of `dataset`, read from the store. Columns without a
 * record (a dataset imported before statuses were kept, or a column a later version added) get
 * detection's proposal recorded first — insert-if-absent, so a stored status is never replaced by
 * what the current question model looks like. An unreadable stored status reads as `identifier`.
 *
 * @example const statuses = await governedColumnStatus(store, dataset); statuses.get("c0") // "identifier"
 */
export async function governedColumnStatus(store: SurveyStore, dataset: Dataset): Promise<Map<string, ColumnStatus>> {
  let stored = await readColumnStatus(store.app.sql, dataset.id);
  const known = new Set(stored.map((r) => r.column));
  const missing = detectColumnStatus(dataset).filter((r) => !known.has(r.column));
  if (missing.length) {
    await proposeColumnStatus(store.app.sql, dataset.id, missing);
    stored = await readColumnStatus(store.app.sql, dataset.id);
  }
  return new Map(stored.map((r) => [r.column, columnStatusSchema.catch("identifier").parse(r.status)]));
}

/**
 * Each question's governed status (the strictest of its columns) and who decided it.
 * @example await questionStatusRows(store, dataset) // [{ id: "email", label: "E-mail", status: "identifier", source: "detected" }, …]
 */
export async function questionStatusRows(store: SurveyStore, dataset: Dataset): Promise<QuestionStatusRow[]> {
  const statuses = await governedColumnStatus(store, dataset);
  const sources = new Map((await readColumnStatus(store.app.sql, dataset.id)).map((r) => [r.column, r.source]));
  return dataset.questions.map((q) => {
    let status: ColumnStatus = "none";
    for (const c of q.columns) {
      const s = statuses.get(c) ?? "identifier";
      if (RANK[s] < RANK[status]) status = s;
    }
    return { id: q.id, label: q.label, status, source: q.columns.some((c) => sources.get(c) === "admin") ? "admin" : "detected" };
  });
}

/**
 * An admin's decision: set the status of each named question (all its stored columns). The caller
 * has checked that the viewer is an admin of the owning workspace and audits the change.
 *
 * @example await setQuestionStatus(store, dataset, { respondent_id: "identifier" }, "u1")
 */
export async function setQuestionStatus(store: SurveyStore, dataset: Dataset, decisions: Record<string, ColumnStatus>, byUserId: string): Promise<void> {
  const rows = Object.entries(decisions).flatMap(([id, status]) => {
    const q = dataset.questions.find((x) => x.id === id);
    if (!q) throw new AppError("unknown_question", `unknown question: ${id}`);
    return q.columns.map((column) => ({ column, status }));
  });
  await governedColumnStatus(store, dataset); // every other column keeps its recorded status
  await writeColumnStatus(store.app.sql, dataset.id, rows, byUserId);
}

export type { ColumnStatusMap };

/**
 * The question model an aggregate-only audience gets: no counts (`protectQuestionModel`),
 * and no answer values of columns governed as identifiers or free text, whatever their question
 * type says now (a schema edit that retypes such a column as a choice cannot publish its values).
 * @example (await aggregateQuestionModel(store, dataset)).questions.find((q) => q.id === "email")?.options // []
 */
export async function aggregateQuestionModel(store: SurveyStore, dataset: Dataset): Promise<ProtectedDataset> {
  const statusOf = governedStatus(await governedColumnStatus(store, dataset));
  const model = protectQuestionModel(dataset, getEnv().DISCLOSURE_K);
  const withheld = new Set(dataset.questions.filter((q) => ["identifier", "free-text"].includes(statusOf(q))).map((q) => q.id));
  return { ...model, questions: model.questions.map((q) => (withheld.has(q.id) ? { ...q, options: [], nonSubstantive: undefined } : q)) };
}
