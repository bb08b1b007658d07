/**
 * Searching and paging a question model for the question pickers: the pickers of a wide dataset
 * (thousands of columns) load what they show from `GET /api/datasets/{id}/questions` instead of
 * receiving every question with the page. Pure: the caller hands over the question model as the
 * viewer may see it (the protected model for an aggregate-only audience), so a page of results
 * never carries more than that model does — and never a count (an item says how many answers are
 * listed, not how many respondents gave them).
 */
import { canBeFilter, canBeOutcome, canBeSegment, toQuestionLite, type QuestionLite } from "./question-roles";
import type { Question } from "@/lib/schema/question";
import type { ProtectedQuestion } from "@/lib/schema/dataset";

/** What a picker lists questions for (each role filters as the matching picker does). */
export const PICK_ROLES = ["any", "outcome", "segment", "filter", "weight", "categorical", "insight-outcome", "predictor", "weighting"] as const;
export type PickRole = (typeof PICK_ROLES)[number];

/** One question as a picker lists it. */
export interface QuestionPickItem {
  id: string;
  label: string;
  type: QuestionLite["type"];
  /** how many answers the question lists (as the viewer's model lists them), not respondents */
  options: number;
}

export interface QuestionPage {
  /** questions of the role matching the search */
  total: number;
  offset: number;
  limit: number;
  items: QuestionPickItem[];
}

export const MAX_PAGE = 100;

/**
 * Whether a page should leave its questions to the pickers' lazy loading instead of sending them
 * all: more than 300 questions, or more than 6,000 answers listed in all (a page then weighs what
 * its state names, never what the dataset holds).
 * @example loadsLazily(Array.from({ length: 9000 }, (_, i) => ({ options: [], id: `q${i}` }))) // true
 */
export function loadsLazily(questions: readonly { options: readonly unknown[] }[]): boolean {
  if (questions.length > 300) return true;
  let answers = 0;
  for (const q of questions) answers += q.options.length;
  return answers > 6000;
}
export const DEFAULT_PAGE = 30;

type AnyQuestion = QuestionLite | Question | ProtectedQuestion;

/**
 * Whether a question can fill a picker's role (the rules of the pickers that list it).
 * @example fitsRole({ id: "w", label: "W", type: "weight", options: [] }, "weight") // true
 */
export function fitsRole(q: AnyQuestion, role: PickRole): boolean {
  const lite = { id: q.id, label: q.label, type: q.type, options: q.options } as QuestionLite;
  switch (role) {
    case "any":
      return true;
    case "outcome":
      return canBeOutcome(lite);
    case "segment":
      return canBeSegment(lite);
    case "filter":
      return canBeFilter(lite);
    case "weight":
      return q.type === "weight";
    case "categorical":
      return (q.type === "single" || q.type === "ordinal" || q.type === "multi") && q.options.length >= 2;
    case "insight-outcome":
      return ((q.type === "single" || q.type === "ordinal") && q.options.length >= 2) || q.type === "numeric";
    case "predictor":
      return canBeSegment(lite) || q.type === "numeric";
    case "weighting":
      return (q.type === "single" || q.type === "ordinal") && q.options.length >= 2 && q.options.length <= 30;
  }
}

/** How well a question matches the search words (0: not at all); an exact id first, then id/label prefixes. */
function score(q: AnyQuestion, words: string[]): number {
  if (!words.length) return 1;
  const id = q.id.toLowerCase();
  const label = q.label.toLowerCase();
  if (!words.every((w) => id.includes(w) || label.includes(w))) return 0;
  const whole = words.join(" ");
  if (id === whole || label === whole) return 4;
  if (id.startsWith(words[0]) || label.startsWith(words[0])) return 3;
  return 2;
}

/**
 * One page of the questions that fit `role` and match `query` (every word, in the id or the label,
 * case-insensitive), best matches first, else in questionnaire order.
 * @example searchQuestions(questions, { query: "age", role: "segment", offset: 0, limit: 20 }).items[0].id // "age"
 */
export function searchQuestions(
  questions: readonly AnyQuestion[],
  { query = "", role = "any", offset = 0, limit = DEFAULT_PAGE, exclude = [] }: { query?: string; role?: PickRole; offset?: number; limit?: number; exclude?: readonly string[] },
): QuestionPage {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const skip = new Set(exclude);
  const size = Math.max(1, Math.min(MAX_PAGE, Math.floor(limit)));
  const from = Math.max(0, Math.floor(offset));
  const hits: { q: AnyQuestion; s: number; i: number }[] = [];
  questions.forEach((q, i) => {
    if (skip.has(q.id) || !fitsRole(q, role)) return;
    const s = score(q, words);
    if (s > 0) hits.push({ q, s, i });
  });
  hits.sort((a, b) => b.s - a.s || a.i - b.i);
  const items = hits.slice(from, from + size).map(({ q }) => ({ id: q.id, label: q.label, type: q.type, options: q.options.length }));
  return { total: hits.length, offset: from, limit: size, items };
}

/**
 * The named questions as the builders need them (options with the counts the model carries), in
 * the order asked; unknown ids are left out.
 * @example pickQuestions(questions, ["age"]).map((q) => q.id) // ["age"]
 */
export function pickQuestions(questions: readonly AnyQuestion[], ids: readonly string[]): QuestionLite[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return [...new Set(ids)].flatMap((id) => {
    const q = byId.get(id);
    return q ? [toQuestionLite(q)] : [];
  });
}

/**
 * One page of a question list for a paged page (overview, schema review): the questions matching
 * `query` (every word in the id or label), `size` a page, the page number clamped to what exists.
 * @example pageOfQuestions(questions, "", 2, 100).page // 2
 */
export function pageOfQuestions<Q extends { id: string; label: string }>(questions: readonly Q[], query: string, page: number, size: number) {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matching = words.length ? questions.filter((q) => words.every((w) => q.id.toLowerCase().includes(w) || q.label.toLowerCase().includes(w))) : questions;
  const pages = Math.max(1, Math.ceil(matching.length / size));
  const at = Math.min(Math.max(1, Number.isFinite(page) ? Math.floor(page) : 1), pages);
  return { items: matching.slice((at - 1) * size, at * size), total: matching.length, page: at, pages };
}
