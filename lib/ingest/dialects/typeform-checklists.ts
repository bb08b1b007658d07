import type { Question } from "@/lib/schema/question";
import type { DatasetProfile } from "../profile";
import { headerAt } from "./types";

/**
 * An exclusive "none of these" option closing a checklist: `None`, `None of the above`, `Nothing`,
 * `Rien`, `Aucune`, `Keine`, `Nichts`, `Ninguno`, `Nada`, `Geen`. Such an option is the last one of
 * its question, so a column after it starts another question.
 */
const NONE_OPTION =
  /^(none|none of (the above|these|them)|nothing|neither|no one|nobody|rien|aucune?|aucun d'entre eux|aucune de ces réponses|personne|keine?s?|nichts|keine davon|ninguno|ninguna|nada|ningún|nenhum|nenhuma|geen|niets|geen van beide)[.!]?$/i;
export const isNoneOption = (label: string) => NONE_OPTION.test(label.trim());

/** Typeform's write-in column after a choice question allowing "Other" */
const OTHER_HEADER = /^other$/i;

/** a column whose every answer is its own header text (a ticked Typeform checklist option) */
function echoColumn(header: string, profile: DatasetProfile, index: number): boolean {
  const p = profile.columns[index];
  if (!header || p.values.overflow || p.longValues || p.nonEmpty === 0) return false;
  return [...p.values.counts.keys()].every((v) => v.trim() === header);
}

type Kind = "echo" | "empty" | "stop";

/**
 * Typeform checklists exported with one column per option, each headed by the option's text and
 * holding that text when ticked: a run of adjacent such columns becomes one multi-select (options =
 * the headers, answered = rows ticking any of them, from the profile's per-row echo counts). A run
 * needs two ticked options; an option nobody ticked (an empty column) belongs to it when a ticked
 * option follows (so a first option nobody ticked opens it), or when it is the closing "none"
 * option; a "none" option ends the run (the next column starts another question); a header
 * ending in `?` or `:` is a question, never an option. Left as they are when the echo counts overflowed.
 *
 * @example
 * // columns "Phone" (Phone ×3), "Laptop" (Laptop ×2), "Nothing" (empty) → one multi, 3 options
 */
export function checklists(questions: Question[], headers: string[][], profile: DatasetProfile, isMeta: (header: string) => boolean): Question[] {
  const echoes = profile.echoes;
  if (!echoes) return questions;
  const indexOf = (q: Question) => (q.columns.length === 1 ? Number(q.columns[0].slice(1)) : -1);
  const headerOf = (q: Question) => headerAt(headers, 0, indexOf(q)).trim();
  const kind = (q: Question): Kind => {
    const index = indexOf(q);
    const header = index >= 0 ? headerOf(q) : "";
    if (index < 0 || !header || isMeta(header)) return "stop";
    if (profile.columns[index].nonEmpty === 0) return /[?:]$/.test(header) || OTHER_HEADER.test(header) ? "stop" : "empty";
    // an `Other` column holding free text is a write-in; holding "Other" itself, an option
    if (OTHER_HEADER.test(header) && !echoColumn(header, profile, index)) return "stop";
    return echoColumn(header, profile, index) ? "echo" : "stop";
  };
  const kinds = new Map(questions.map((q) => [q, kind(q)] as const));
  const kindOf = (q: Question) => kinds.get(q)!;
  const adjacent = (a: Question, b: Question) => indexOf(b) === indexOf(a) + 1;
  const out: Question[] = [];
  let i = 0;
  while (i < questions.length) {
    // options nobody ticked before the first ticked one open the run too (not a closing "none" option)
    let start = i;
    while (start < questions.length && kindOf(questions[start]) === "empty" && !isNoneOption(headerOf(questions[start])) && (start === i || adjacent(questions[start - 1], questions[start]))) start++;
    const opens = start < questions.length && kindOf(questions[start]) === "echo" && (start === i || adjacent(questions[start - 1], questions[start]));
    const run = opens ? [...questions.slice(i, start), ...runFrom(questions, start, kindOf, adjacent, headerOf)] : [];
    if (run.filter((q) => kindOf(q) === "echo").length < 2) {
      out.push(questions[i]);
      i++;
      continue;
    }
    const cols = new Set(run.map(indexOf));
    let answered = 0;
    for (const [key, n] of echoes) if (key.split(",").some((k) => cols.has(Number(k)))) answered += n;
    const labels = run.map(headerOf);
    out.push({
      id: run[0].id,
      label: labels.join(" / "),
      type: "multi",
      columns: run.map((q) => q.columns[0]),
      options: run.map((q, k) => ({ code: labels[k], label: labels[k], count: profile.columns[indexOf(q)].nonEmpty, column: q.columns[0] })),
      missingCodes: [],
      multi: { layout: "columns", uncheckedCodes: [] },
      answered,
    });
    i += run.length;
  }
  return out;
}

/** the checklist run starting at `start` (a ticked option): see `checklists` */
function runFrom(questions: Question[], start: number, kind: (q: Question) => Kind, adjacent: (a: Question, b: Question) => boolean, headerOf: (q: Question) => string): Question[] {
  const run = [questions[start]];
  let lastEcho = 0;
  for (let j = start + 1; j < questions.length && !isNoneOption(headerOf(run[run.length - 1])); j++) {
    const k = kind(questions[j]);
    if (k === "stop" || !adjacent(run[run.length - 1], questions[j])) break;
    run.push(questions[j]);
    if (k === "echo" || isNoneOption(headerOf(questions[j]))) lastEcho = run.length - 1;
  }
  return run.slice(0, lastEcho + 1);
}

/**
 * Typeform's `Other` column (only ever written after a choice question or checklist allowing
 * "Other", whatever type the importer gave that question) holds the question's write-in:
 * it is typed text and grouped with the question (`group` = its id), as other vendors' write-in
 * sidecars are.
 */
export function attachWriteIns(questions: Question[], headers: string[][]): Question[] {
  return questions.map((q, i) => {
    const prev = questions[i - 1];
    if (!prev || q.columns.length !== 1 || !OTHER_HEADER.test(headerAt(headers, 0, Number(q.columns[0].slice(1))).trim())) return q;
    if (["id", "metadata", "date"].includes(prev.type)) return q;
    const { orderBasis: _o, needsValueLabels: _n, ...rest } = q;
    return { ...rest, type: "text", options: [], missingCodes: [], group: prev.grid?.id ?? prev.group ?? prev.id };
  });
}
