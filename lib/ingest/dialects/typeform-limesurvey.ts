import type { Question, QuestionType } from "@/lib/schema/question";
import type { DatasetProfile } from "../profile";
import type { Block } from "../blocks";
import { headerBlocks, type HeaderColumn } from "../header-blocks";
import { buildFromBlocks } from "./build";
import { headerAt, headerWidth, type Dialect } from "./types";

const names = (rows: string[][]) => new Set((rows[0] ?? []).map((h) => h.trim().toLowerCase()));

function typedColumns(headers: string[][], typeOf: (header: string) => QuestionType | undefined): HeaderColumn[] {
  return Array.from({ length: headerWidth(headers) }, (_, index) => {
    const header = headerAt(headers, 0, index);
    const type = typeOf(header);
    return { index, header, ...(type ? { type } : {}) };
  });
}

const TYPEFORM_META = new Map<string, QuestionType>([
  ["#", "id"],
  ["start date (utc)", "date"],
  ["stage date (utc)", "date"],
  ["submit date (utc)", "date"],
  ["network id", "metadata"],
  ["response type", "metadata"],
  ["tags", "metadata"],
]);

/**
 * Typeform "Download responses" CSV: one header row, first column `#` (the response token),
 * `Start Date (UTC)`, `Submit Date (UTC)`, `Network ID` at the end. A multiple-selection question
 * spreads over consecutive columns that repeat the question title, each holding its choice label
 * when chosen; those runs become one block (a one-column-per-option multi-select).
 *
 * @example
 * typeform.detect([["#", "Role?", "Submit Date (UTC)", "Network ID"]]); // 0.75
 */
export const typeform: Dialect = {
  format: "typeform",
  headerRows: 1,
  detect(rows) {
    const n = names(rows);
    return (rows[0]?.[0] ?? "").trim() === "#" && n.has("submit date (utc)") ? 0.75 : 0;
  },
  blocks(headers) {
    const cols = typedColumns(headers, (h) => TYPEFORM_META.get(h.trim().toLowerCase()));
    const blocks: Block[] = [];
    let pending: HeaderColumn[] = [];
    const flush = () => {
      if (pending.length) blocks.push(...headerBlocks(pending));
      pending = [];
    };
    let i = 0;
    while (i < cols.length) {
      const c = cols[i];
      let j = i + 1;
      if (!c.type && c.header.trim()) while (j < cols.length && !cols[j].type && cols[j].header === c.header) j++;
      if (j - i >= 2) {
        flush();
        const label = c.header.trim();
        blocks.push({ id: label, label, columns: cols.slice(i, j).map((r) => ({ index: r.index, id: label, label, option: "", header: r.header })) });
      } else pending.push(c);
      i = j;
    }
    flush();
    return blocks;
  },
  build(headers, profile) {
    return checklists(buildFromBlocks(this.blocks(headers), profile), headers, profile);
  },
};

/** a column whose every answer is its own header text (a ticked Typeform checklist option) */
function echoColumn(headers: string[][], profile: DatasetProfile, index: number): boolean {
  const header = headerAt(headers, 0, index).trim();
  const p = profile.columns[index];
  if (!header || p.values.overflow || p.longValues || p.nonEmpty === 0) return false;
  return [...p.values.counts.keys()].every((v) => v.trim() === header);
}

/**
 * Typeform checklists exported with one column per option, each headed by the option's text and
 * holding that text when ticked: runs of 2+ adjacent such single-column questions become one
 * multi-select (options = the headers, answered = rows ticking any of them, from the profile's
 * per-row echo counts). Left as they are when those counts overflowed.
 */
function checklists(questions: Question[], headers: string[][], profile: DatasetProfile): Question[] {
  const echoes = profile.echoes;
  if (!echoes) return questions;
  const indexOf = (q: Question) => (q.columns.length === 1 ? Number(q.columns[0].slice(1)) : -1);
  const out: Question[] = [];
  let i = 0;
  while (i < questions.length) {
    let j = i;
    while (j < questions.length && indexOf(questions[j]) >= 0 && !TYPEFORM_META.has(headerAt(headers, 0, indexOf(questions[j])).trim().toLowerCase()) && echoColumn(headers, profile, indexOf(questions[j])) && (j === i || indexOf(questions[j]) === indexOf(questions[j - 1]) + 1)) j++;
    if (j - i < 2) {
      out.push(questions[i]);
      i++;
      continue;
    }
    const run = questions.slice(i, j);
    const cols = new Set(run.map(indexOf));
    let answered = 0;
    for (const [key, n] of echoes) if (key.split(",").some((k) => cols.has(Number(k)))) answered += n;
    const labels = run.map((q) => headerAt(headers, 0, indexOf(q)).trim());
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
    i = j;
  }
  return out;
}

const LIMESURVEY_META = new Map<string, QuestionType>([
  ["id", "id"],
  ["submitdate", "date"],
  ["startdate", "date"],
  ["datestamp", "date"],
  ["lastpage", "metadata"],
  ["startlanguage", "metadata"],
  ["seed", "metadata"],
  ["ipaddr", "metadata"],
  ["refurl", "metadata"],
  ["token", "metadata"],
]);

/**
 * LimeSurvey "Export responses" CSV with question-code headings: `id`, `submitdate` (empty for
 * incomplete responses), `lastpage`, `startlanguage`, `seed`, `startdate`, `datestamp`, then
 * codes; multiple choice as `Q2[SQ001]` columns holding `Y`, write-ins as `Q2[other]` (text).
 *
 * @example
 * limesurvey.detect([["id", "submitdate", "lastpage", "startlanguage", "Q1"]]); // 0.75
 */
export const limesurvey: Dialect = {
  format: "limesurvey",
  headerRows: 1,
  detect(rows) {
    const n = names(rows);
    return ["submitdate", "lastpage", "startlanguage"].every((k) => n.has(k)) ? 0.75 : 0;
  },
  blocks(headers) {
    return headerBlocks(
      typedColumns(headers, (h) => LIMESURVEY_META.get(h.trim().toLowerCase()) ?? (/\[(other|comment)\]$/i.test(h.trim()) ? "text" : undefined)),
      "limesurvey",
    );
  },
  build(headers, profile) {
    return buildFromBlocks(this.blocks(headers), profile);
  },
};
