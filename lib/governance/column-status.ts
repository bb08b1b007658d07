/**
 * The governed identifier / quasi-identifier status of a dataset's stored columns.
 *
 * Detection proposes a status for every column at import (`detectColumnStatus`); the store keeps it
 * (`dataset_column_status`), keyed on the storage column (c0…), not on the question, so a schema edit
 * that retypes, renames, regroups or relabels a question cannot change it. Only an admin of the
 * owning workspace changes it (audited, through the policy route). Exports read the stored status
 * (`statusOfQuestion`), never the current question model.
 */
import type { Dataset } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import { z } from "zod";
import { isDirectIdentifier } from "./identifiers";
import { isDefaultQuasiIdentifier } from "./quasi-identifiers";

/** `identifier`: admins only, never a filter; `free-text`: never a filter; `quasi`: k-anonymised in exports. */
export const COLUMN_STATUSES = ["identifier", "free-text", "quasi", "none"] as const;
export const columnStatusSchema = z.enum(COLUMN_STATUSES);
export type ColumnStatus = z.infer<typeof columnStatusSchema>;

/** Strictest first: a question with one identifier column is an identifier. */
const RANK: Readonly<Record<ColumnStatus, number>> = { identifier: 0, "free-text": 1, quasi: 2, none: 3 };

/** Stored status per storage column name. */
export type ColumnStatusMap = ReadonlyMap<string, ColumnStatus>;

/**
 * What detection says about one question (on the question model it is given).
 * @example detectQuestionStatus({ id: "email", type: "text", … }, dataset) // "identifier"
 */
export function detectQuestionStatus(q: Question, dataset: Dataset): ColumnStatus {
  if (isDirectIdentifier(q, dataset)) return "identifier";
  if (q.type === "text") return "free-text";
  if (isDefaultQuasiIdentifier(q, dataset)) return "quasi";
  return "none";
}

/**
 * Detection's proposal for every stored column of a dataset: each column takes the status of the
 * question(s) it belongs to (the strictest when several); a column of no question is `none`.
 *
 * @example detectColumnStatus(dataset) // [{ column: "c0", status: "identifier" }, { column: "c1", status: "quasi" }, …]
 */
export function detectColumnStatus(dataset: Dataset): { column: string; status: ColumnStatus }[] {
  const byColumn = new Map<string, ColumnStatus>();
  for (const q of dataset.questions) {
    const s = detectQuestionStatus(q, dataset);
    for (const c of q.columns) {
      const prev = byColumn.get(c);
      if (prev === undefined || RANK[s] < RANK[prev]) byColumn.set(c, s);
    }
  }
  return dataset.columns.map((c) => ({ column: c.name, status: byColumn.get(c.name) ?? "none" }));
}

/**
 * The governed status of a question: the strictest stored status of its columns. A column missing
 * from the map (never the case once the service has filled it) counts as an identifier: fail closed.
 *
 * @example statusOfQuestion({ columns: ["c0", "c1"], … }, new Map([["c0", "none"], ["c1", "quasi"]])) // "quasi"
 */
export function statusOfQuestion(q: Pick<Question, "columns">, statuses: ColumnStatusMap): ColumnStatus {
  let best: ColumnStatus = "none";
  for (const c of q.columns) {
    const s = statuses.get(c) ?? "identifier";
    if (RANK[s] < RANK[best]) best = s;
  }
  return best;
}

/** A status resolver over a question: the governed one in production, detection in unit tests. */
export type StatusOf = (q: Question) => ColumnStatus;

/**
 * The resolver reading the governed map.
 * @example const statusOf = governedStatus(map); statusOf(question) // "quasi"
 */
export function governedStatus(statuses: ColumnStatusMap): StatusOf {
  return (q) => statusOfQuestion(q, statuses);
}

/**
 * The resolver running detection on the given question model (tests, and datasets without stored status).
 * @example detectedStatus(dataset)(question) // "none"
 */
export function detectedStatus(dataset: Dataset): StatusOf {
  return (q) => detectQuestionStatus(q, dataset);
}
