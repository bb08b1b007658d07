import type { Role } from "@/lib/auth/permissions";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import type { StatusOf } from "./column-status";
import { isDirectIdentifier } from "./identifiers";
import { isDefaultQuasiIdentifier } from "./quasi-identifiers";

export { isDirectIdentifier } from "./identifiers";

/** Most respondent rows one export may hold, by role (Metabase-style caps). */
export const ROW_CAP: Readonly<Record<Role, number>> = { admin: 1_000_000, researcher: 10_000, analyst: 0, viewer: 0 };

/** Detection on the given question model: the fallback when no governed status is passed (unit tests). */
const detected = (dataset: Dataset): StatusOf => (q) =>
  isDirectIdentifier(q, dataset) ? "identifier" : q.type === "text" ? "free-text" : isDefaultQuasiIdentifier(q, dataset) ? "quasi" : "none";

/**
 * The questions a role may put in a respondent-level export, with the reason others are locked,
 * and whether each is a quasi-identifier by default (locked on for non-admins: see
 * `resolveQuasiIdentifiers`). `statusOf` is the governed status (the export route and the page pass
 * the stored one, so a schema edit cannot lift a lock); detection when absent.
 *
 * @example exportableQuestions(dataset, "researcher", governedStatus(map)).filter((p) => !p.allowed) // the identifiers
 */
export function exportableQuestions(
  dataset: Dataset,
  role: Role,
  statusOf: StatusOf = detected(dataset),
): { question: Question; allowed: boolean; reason: string | null; quasiIdentifier: boolean; quasiLocked: boolean }[] {
  return dataset.questions.map((question) => {
    const status = statusOf(question);
    const quasiIdentifier = status === "quasi";
    const quasiLocked = quasiIdentifier && role !== "admin";
    if (role !== "admin" && status === "identifier") return { question, allowed: false, reason: "direct identifier: admins only", quasiIdentifier, quasiLocked };
    return { question, allowed: true, reason: null, quasiIdentifier, quasiLocked };
  });
}

/**
 * Check a requested column list against the role's allow-list; throws `forbidden` naming the first
 * locked question, so the API refuses what the UI would not offer.
 *
 * @example assertExportable(dataset, "researcher", ["country"], statusOf) // [country question]
 */
export function assertExportable(dataset: Dataset, role: Role, ids: string[], statusOf?: StatusOf): Question[] {
  if (ROW_CAP[role] <= 0) throw new AppError("forbidden", "your role does not allow respondent-level exports");
  const policy = new Map(exportableQuestions(dataset, role, statusOf).map((p) => [p.question.id, p]));
  return ids.map((id) => {
    const p = policy.get(id);
    if (!p) throw new AppError("unknown_question", `unknown question: ${id}`);
    if (!p.allowed) throw new AppError("forbidden", `${id}: ${p.reason}`);
    return p.question;
  });
}
