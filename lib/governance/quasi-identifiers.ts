import type { Role } from "@/lib/auth/permissions";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import type { StatusOf } from "./column-status";
import { isDirectIdentifier } from "./identifiers";

/**
 * Words that mark a demographic question (an attribute someone could know about a respondent from
 * elsewhere: the classic quasi-identifiers). Matched against the words of the question id and label.
 */
const DEMOGRAPHIC = new Set(
  (
    "age ages aged gender sex country countries region state province city town zip zipcode postcode postal birth birthday born ethnicity ethnic race " +
    "nationality income salary education degree occupation job title role seniority department company employer organisation organization " +
    "industry sector tenure experience marital household children language religion disability"
  ).split(" "),
);

/** Types that can never be a quasi-identifier here: free text, multi-selects, weights, and ids (direct identifiers). */
const NEVER: ReadonlySet<Question["type"]> = new Set(["text", "multi", "weight", "id"]);

/**
 * The default quasi-identifier decision for one question: vendor metadata and dates (timestamps,
 * durations, locations — rare combinations single people out), and any question whose id, or label
 * of at most 5 words, names a demographic (age, gender, country, role, company size…). Attitude
 * questions are not quasi-identifiers by default; the caller may add them. Direct identifiers are not (they are
 * locked for non-admins and unique by nature).
 *
 * @example isDefaultQuasiIdentifier({ id: "country", label: "Country", type: "single", … }, dataset) // true
 */
export function isDefaultQuasiIdentifier(q: Question, dataset: Dataset): boolean {
  if (NEVER.has(q.type) || isDirectIdentifier(q, dataset)) return false;
  if (q.type === "metadata" || q.type === "date") return true;
  return [q.id, q.label].some((text) => {
    const words = text
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(Boolean);
    // a short label names the attribute ("Company size"); a long one is question text, where "your
    // organisation's…" says nothing about what is asked
    return (text === q.id || words.length <= 5) && words.some((w) => DEMOGRAPHIC.has(w));
  });
}

/**
 * The quasi-identifiers of one export: for admins exactly what they asked (default when absent);
 * for everyone else what they asked PLUS every default — protection can be added, not removed.
 * Every id must be one of the exported questions. The defaults are the questions whose status is
 * `quasi`: the governed status (`statusOf`, lib/governance/column-status.ts) in the export route,
 * detection on the given question model when no resolver is passed.
 *
 * @example resolveQuasiIdentifiers(dataset, "researcher", exported, []) // the defaults among `exported`
 */
export function resolveQuasiIdentifiers(dataset: Dataset, role: Role, exported: Question[], requested: string[] | undefined, statusOf?: StatusOf): Question[] {
  const byId = new Map(exported.map((q) => [q.id, q]));
  for (const id of requested ?? []) {
    if (!byId.has(id)) throw new AppError("validation_failed", `quasi-identifier ${id} is not one of the exported columns`);
  }
  const asked = new Set(requested ?? []);
  const defaults = exported.filter((q) => (statusOf ? statusOf(q) === "quasi" : isDefaultQuasiIdentifier(q, dataset)));
  if (role === "admin" && requested !== undefined) return exported.filter((q) => asked.has(q.id));
  return exported.filter((q) => asked.has(q.id) || defaults.includes(q));
}
