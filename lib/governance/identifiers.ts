import type { Dataset } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";

/** Headers that name a person or a device: never exported by anyone but an admin. */
const IDENTIFIER = /(e-?mail|^name$|first.?name|last.?name|full.?name|recipient|ip.?address|^ip$|response.?id|external.?(data.?)?reference|latitude|longitude|phone|mobile|employee.?id)/i;

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
