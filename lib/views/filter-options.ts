import type { Question } from "@/lib/schema/question";

/** A question a dashboard can be filtered by: labels and codes only (no counts ever leave here). */
export interface FilterQuestion {
  id: string;
  label: string;
  options: { code: string; label: string }[];
  /** how many of the dashboard's datasets have it */
  datasets: number;
}

const MAX_OPTIONS = 40;
const MAX_QUESTIONS = 80;

/**
 * The choice questions of the dashboard's datasets, merged by id (options by code), the most
 * widely shared first. Identifiers, free text and long lists are left out.
 * @example filterQuestions([[{ id: "country", label: "Country", type: "single", options: [{ code: "DE", label: "Germany", count: 9 }], columns: ["c1"] }]])[0].options // [{ code: "DE", label: "Germany" }]
 */
export function filterQuestions(datasets: readonly (readonly Pick<Question, "id" | "label" | "type" | "options">[])[]): FilterQuestion[] {
  const byId = new Map<string, FilterQuestion>();
  for (const questions of datasets) {
    for (const q of questions) {
      if ((q.type !== "single" && q.type !== "ordinal") || q.options.length < 2 || q.options.length > MAX_OPTIONS) continue;
      const seen = byId.get(q.id);
      if (!seen) {
        byId.set(q.id, { id: q.id, label: q.label, options: q.options.map((o) => ({ code: o.code, label: o.label })), datasets: 1 });
        continue;
      }
      seen.datasets += 1;
      for (const o of q.options) if (!seen.options.some((x) => x.code === o.code)) seen.options.push({ code: o.code, label: o.label });
    }
  }
  return [...byId.values()].sort((a, b) => b.datasets - a.datasets || a.label.localeCompare(b.label)).slice(0, MAX_QUESTIONS);
}
