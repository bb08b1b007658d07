import type { Role } from "@/lib/auth/permissions";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";

/** Headers that name a person or a device: never exported by anyone but an admin. */
const IDENTIFIER = /(e-?mail|^name$|first.?name|last.?name|full.?name|recipient|ip.?address|^ip$|response.?id|external.?(data.?)?reference|latitude|longitude|phone|mobile|employee.?id)/i;

/** Most respondent rows one export may hold, by role (Metabase-style caps). */
export const ROW_CAP: Readonly<Record<Role, number>> = { admin: 1_000_000, researcher: 10_000, analyst: 0, viewer: 0 };

/**
 * Is the question a direct identifier (respondent id, email, name, IP, location…)? Judged by type
 * and by every header text of its columns.
 *
 * @example isDirectIdentifier({ type: "metadata", id: "IPAddress", … }, dataset) // true
 */
export function isDirectIdentifier(q: Question, dataset: Dataset): boolean {
  if (q.type === "id") return true;
  const headers = q.columns.flatMap((c) => dataset.columns.find((x) => x.name === c)?.headers ?? []);
  return [q.id, q.label, ...headers].some((t) => IDENTIFIER.test(t.trim()));
}

/** The questions a role may put in a respondent-level export, with the reason others are locked. */
export function exportableQuestions(dataset: Dataset, role: Role): { question: Question; allowed: boolean; reason: string | null }[] {
  return dataset.questions.map((question) => {
    if (role !== "admin" && isDirectIdentifier(question, dataset)) return { question, allowed: false, reason: "direct identifier: admins only" };
    return { question, allowed: true, reason: null };
  });
}

/**
 * Check a requested column list against the role's allow-list; throws `forbidden` naming the first
 * locked question, so the API refuses what the UI would not offer.
 */
export function assertExportable(dataset: Dataset, role: Role, ids: string[]): Question[] {
  if (ROW_CAP[role] <= 0) throw new AppError("forbidden", "your role does not allow respondent-level exports");
  const policy = new Map(exportableQuestions(dataset, role).map((p) => [p.question.id, p]));
  return ids.map((id) => {
    const p = policy.get(id);
    if (!p) throw new AppError("unknown_question", `unknown question: ${id}`);
    if (!p.allowed) throw new AppError("forbidden", `${id}: ${p.reason}`);
    return p.question;
  });
}
