import type { QuestionType } from "@/lib/schema/question";
import type { Block } from "../blocks";
import { headerBlocks, type HeaderColumn } from "../header-blocks";
import { buildFromBlocks } from "./build";
import { attachWriteIns as attachWriteInBlocks, typeNonAnswers } from "./limesurvey-blocks";
import { groupSubQuestions, limesurveyTimings } from "./limesurvey-timings";
import { attachWriteIns, checklists } from "./typeform-checklists";
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
    const isMeta = (h: string) => TYPEFORM_META.has(h.toLowerCase());
    return attachWriteIns(checklists(buildFromBlocks(this.blocks(headers), profile), headers, profile, isMeta), headers);
  },
};

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
 * codes; multiple choice as `Q2[SQ001]` columns holding `Y`, write-ins as `Q2[other]` (text). Timing
 * columns (any language) are metadata, and columns of one question's sub-questions (`Q2_a`, `Q2_b`
 * in the R export, under a timing column for `Q2`) are one block (see `limesurveyTimings`).
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
    const { timing, parent } = limesurveyTimings(Array.from({ length: headerWidth(headers) }, (_, i) => headerAt(headers, 0, i)));
    const cols = typedColumns(headers, (h) => LIMESURVEY_META.get(h.trim().toLowerCase()) ?? (/\[(other|comment)\]$/i.test(h.trim()) ? "text" : undefined));
    const typed = typeNonAnswers(cols.map((c) => (timing.has(c.index) ? { ...c, type: "metadata" as const } : c)));
    const blocks = attachWriteInBlocks(groupSubQuestions(headerBlocks(typed, "limesurvey"), parent));
    return blocks.map((b) => ({ ...b, flagOnly: true }));
  },
  build(headers, profile) {
    return buildFromBlocks(this.blocks(headers), profile);
  },
};
