import type { Question, QuestionOption, QuestionType } from "@/lib/schema/question";
import { MAX_DISTINCT } from "./limits";
import { splitMultiCell } from "./multi-split";
import { CHOICE_NAMES, MULTI_DELIMITERS, type ColumnProfile, type MultiDelimiter, type TokenProfile } from "./profile";
import { isNonSubstantive } from "./non-substantive";
import { inferOrder } from "./scales";
import { MISSING_TOKENS } from "./values";

/** Naming and hints for one column turned into a question. */
export interface ColumnMeta {
  id: string;
  label: string;
  /** header text used for name-based rules (weight, id) */
  header: string;
  /** storage name `cN` */
  column: string;
  group?: string;
  /** force a type (dialect knowledge, e.g. Qualtrics `_TEXT` sidecars, metadata) */
  type?: QuestionType;
  /** small integer codes: "single" (vendor recodes), "ordinal" (grid scales) or "auto" */
  integerCodes?: "single" | "ordinal" | "auto";
}

const WEIGHT_HEADER = /^(weight|weights?|wt|wgt|.*_weight|pop_?weight|pw|wt[a-z0-9_]*|final_?wt|.*wgt)$/i;
/** whether a header names a weight column (the name rule of `inferQuestion`) */
export const isWeightHeader = (header: string) => WEIGHT_HEADER.test(header.trim());
const ID_HEADER = /^(id|_?id|.*[ _]id|.*_id|respondent( ?id)?|response ?id|record ?id|key_?id|uuid|_?uuid|instance ?id|_index)$/i;

const MAX_OPTIONS = 60;

const byCountThenLabel = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function options(entries: [string, number][], order: string[] | null): QuestionOption[] {
  const sorted = order ? order.map((code) => [code, entries.find(([c]) => c === code)?.[1] ?? 0] as [string, number]) : [...entries].sort(byCountThenLabel);
  return sorted.map(([code, count]) => ({ code, label: code, count }));
}

const numericOrder = (codes: string[]) => [...codes].sort((a, b) => Number(a) - Number(b));

function isAutoOrdinal(p: ColumnProfile, distinct: number): boolean {
  return (p.min === 0 || p.min === 1) && p.max - p.min >= 3 && p.max <= 10 && distinct >= 3;
}

/** Values (or tokens) frequent enough to be options rather than write-ins. */
function frequent(entries: [string, number][], present: number): [string, number][] {
  const min = Math.max(2, Math.ceil(0.002 * present));
  return entries
    .filter(([, n]) => n >= min)
    .sort(byCountThenLabel)
    .slice(0, MAX_OPTIONS);
}

const sum = (entries: [string, number][]) => entries.reduce((s, [, n]) => s + n, 0);

/**
 * A single or ordinal question from its answers: non-substantive answers ("No answer", "Don't
 * know", …) become missing codes listed apart (never a scale position), the rest are ordered by
 * `inferOrder` when they form a scale (off-scale answers of a scale are set apart the same way),
 * else by count. Codes such as `A1…A9` are sorted but stay a single choice.
 */
function choice(entries: [string, number][], base: Omit<Question, "type">): Question {
  const ns = entries.filter(([k]) => isNonSubstantive(k));
  let sub = ns.length && entries.length - ns.length >= 2 ? entries.filter(([k]) => !isNonSubstantive(k)) : entries;
  let apart = sub === entries ? [] : ns;
  const inferred = inferOrder(sub.map(([k]) => k));
  let order: string[] | null = null;
  if (inferred) {
    order = inferred.order;
    const off = new Set(inferred.off);
    apart = [...apart, ...sub.filter(([k]) => off.has(k))];
    sub = sub.filter(([k]) => !off.has(k));
  }
  const type: QuestionType = inferred && inferred.basis !== "codes" ? "ordinal" : "single";
  const q: Question = { ...base, type, options: options(sub, order), orderBasis: inferred?.basis ?? "frequency-fallback" };
  if (!apart.length) return q;
  return {
    ...q,
    missingCodes: [...q.missingCodes, ...apart.map(([k]) => k)],
    nonSubstantive: options(apart, null),
    answered: Math.max(0, q.answered - sum(apart)),
  };
}

/**
 * Evidence that the frequent tokens are options chosen together: how many of them occur in at
 * least 2 different whole cells, and how many respondents' cells hold 2 or more of them. Options
 * of a real multi-select recombine (`Excel`, `Excel, Python`, `Python, SPSS`); a single choice
 * whose labels contain the delimiter (`Some college or university, no college degree`) splits
 * into pieces that each occur in one cell only, and a single choice with "Other" write-ins
 * (`Pascal, VBA, Excel`) has combined cells for a handful of respondents only. Needs the
 * whole-cell counts (not overflowed).
 */
function recombination(p: ColumnProfile, delimiter: MultiDelimiter, tokens: [string, number][]): { tokens: number; respondents: number } {
  const wanted = new Set(tokens.map(([t]) => t));
  const cells = new Map<string, number>();
  let respondents = 0;
  for (const [value, n] of p.values.counts) {
    if (MISSING_TOKENS.has(value)) continue;
    const found = [...new Set(splitMultiCell(value, delimiter))].filter((t) => wanted.has(t));
    for (const token of found) cells.set(token, (cells.get(token) ?? 0) + 1);
    if (found.length >= 2) respondents += n;
  }
  return { tokens: [...cells.values()].filter((n) => n >= 2).length, respondents };
}

/** nearly every cell ends with ";" (Microsoft Forms multi-select answers) */
function terminatedLists(p: ColumnProfile, present: number): boolean {
  if (p.values.overflow || p.longValues) return false;
  const ended = sum([...p.values.counts].filter(([v]) => v.endsWith(";") && v.length > 1));
  return ended >= 0.9 * present && present >= 2;
}

/** a choice name as ODK/Kobo/SurveyCTO write them: a lower-case slug, a number or an upper-case code */
const SLUG = /^(?:[\p{Ll}\p{N}_.:-]+|[\p{Lu}\p{N}_]+)$/u;

/**
 * Space-separated lists are only lists over a closed vocabulary: few distinct tokens, each a code
 * or slug (`bicycle`, `mobile_phone`, `3`), that recur, and nearly every cell a list of them.
 * Free text ("House wife", "Small business owner") fails: capitalised words, too many tokens.
 */
function closedVocabulary(p: ColumnProfile, t: TokenProfile, present: number): boolean {
  if (t.overflow || p.values.overflow || t.counts.size > MAX_OPTIONS) return false;
  const tokens = [...t.counts].filter(([k]) => !MISSING_TOKENS.has(k));
  const slugs = sum(tokens.filter(([k]) => SLUG.test(k)));
  if (slugs < 0.95 * sum(tokens)) return false;
  const recurring = sum(tokens.filter(([, n]) => n >= 2));
  if (recurring < 0.8 * sum(tokens)) return false;
  const lists = sum([...p.values.counts].filter(([v]) => !MISSING_TOKENS.has(v) && CHOICE_NAMES.test(v)));
  return lists >= 0.9 * present;
}

/**
 * A delimited multi-select is a column whose cells are joined by `;` or `, ` and whose tokens
 * repeat across rows much more than whole cells do, with frequent tokens covering most token
 * occurrences (the rest are "Other" write-ins). Returns the delimiter and the options.
 */
/**
 * The column's token counts for `d` with the short numeric codes chosen alone (`3` beside `1 3`):
 * the profile counts no tokens in a number, so they come from the (exact, not overflowed) value counts.
 */
function withLoneCodes(p: ColumnProfile, t: TokenProfile): TokenProfile {
  if (p.values.overflow || t.overflow) return t;
  const lone = [...p.values.counts].filter(([v]) => LONE_CODE.test(v));
  if (!lone.length) return t;
  const counts = new Map(t.counts);
  let added = 0;
  for (const [v, n] of lone) {
    counts.set(v, (counts.get(v) ?? 0) + n);
    added += n;
  }
  return { ...t, counts, occurrences: t.occurrences + added };
}

const LONE_CODE = /^\d{1,3}$/;

function delimitedMulti(p: ColumnProfile, present: number, distinct: number): { delimiter: MultiDelimiter; tokens: [string, number][] } | null {
  for (const d of MULTI_DELIMITERS) {
    const t = d === "'" ? p.tokens[d] : withLoneCodes(p, p.tokens[d]);
    if (d === "'") {
      // quoted lists are lists by their syntax: every item is an option
      if (t.cells < 0.9 * present || t.overflow) continue;
      const items = [...t.counts].sort(byCountThenLabel).slice(0, MAX_OPTIONS);
      if (items.length) return { delimiter: d, tokens: items };
      continue;
    }
    if (t.cells < Math.max(2, 0.005 * present)) continue;
    if (d === " " && !closedVocabulary(p, t, present)) continue;
    if (d === ";" && terminatedLists(p, present) && !t.overflow) {
      // Microsoft Forms ends every multi-select answer with ";" (`A;B;`): a list by its syntax
      const items = [...t.counts].filter(([k]) => !MISSING_TOKENS.has(k)).sort(byCountThenLabel).slice(0, MAX_OPTIONS);
      if (items.length) return { delimiter: d, tokens: items };
    }
    const all = [...t.counts].filter(([k]) => !MISSING_TOKENS.has(k));
    const tokens = frequent(all, present);
    if (tokens.length < 2 || sum(tokens) < 0.7 * t.occurrences) continue;
    const tokenRepeat = t.occurrences / (t.overflow ? MAX_DISTINCT : all.length);
    const cellRepeat = present / Math.max(1, p.values.overflow ? MAX_DISTINCT : distinct);
    const collapses = !p.values.overflow && tokens.length < distinct;
    if (!p.values.overflow) {
      const r = recombination(p, d, tokens);
      if (r.tokens < 2 || r.respondents < Math.max(2, 0.01 * present)) continue;
    }
    if (tokenRepeat >= 2 && (tokenRepeat >= 2 * cellRepeat || collapses)) return { delimiter: d, tokens };
  }
  return null;
}

/** an exported attachment: `media\\TA_….csv`, `media/photo.jpg`, an ODK photo `1568794395624.jpg` */
const ATTACHMENT = /^(?:media[\\/][^\\/]+\.[A-Za-z0-9]{2,5}|\d{10,}\.(?:jpe?g|png|gif|m4a|amr|aac|3gp|mp3|mp4|wav|ogg|csv))$/;

/**
 * Infer one column's question from its profile: weight, id, date, numeric, ordinal (integer
 * scales, recognised Likert labels), single, delimited multi, else text. `NA` cells are a
 * missing code. Option counts are respondents; `answered` counts non-missing cells.
 *
 * @example
 * inferQuestion(profile, { id: "age", label: "Age", header: "age", column: "c3" }).type; // "numeric"
 */
export function inferQuestion(p: ColumnProfile, meta: ColumnMeta): Question {
  const counts = p.values.counts;
  const missingCodes = [...MISSING_TOKENS].filter((t) => counts.has(t));
  const missing = missingCodes.reduce((s, t) => s + (counts.get(t) ?? 0), 0);
  const present = p.nonEmpty - missing;
  const entries = [...counts].filter(([k]) => !MISSING_TOKENS.has(k));
  const distinct = entries.length;
  const base = { id: meta.id, label: meta.label, columns: [meta.column], options: [], missingCodes, answered: present, group: meta.group };
  const q = (type: QuestionType, extra: Partial<Question> = {}): Question => ({ ...base, type, ...extra });
  const enumerable = !p.values.overflow && p.longValues === 0;

  if (meta.type && meta.type !== "single" && meta.type !== "ordinal" && meta.type !== "multi") {
    return q(meta.type, meta.type === "numeric" || meta.type === "weight" ? { answered: p.numeric } : {});
  }
  if (present <= 0) return q(meta.type ?? "text");
  const allNumeric = p.numeric === present;
  if (WEIGHT_HEADER.test(meta.header.trim()) && allNumeric && p.min > 0) return q("weight");
  const unique = enumerable && entries.every(([, n]) => n === 1);
  const manyUnique = unique && present > 1;
  if (ID_HEADER.test(meta.header.trim()) && (manyUnique || p.values.overflow)) return q("id");
  if (manyUnique && p.leadingZero === present) return q("id");
  const rowNumbers = p.integer === present && present > 1 && p.max - p.min + 1 === present && (manyUnique || p.values.overflow);
  if (meta.header.trim() === "" && p.index === 0 && rowNumbers) return q("id");
  if (p.date >= 0.9 * present) return q("date");
  // SurveyCTO / ODK attachments (photos, audio audits, text audits, sensor streams): file names, never answers to tabulate
  if (entries.length > 0 && entries.every(([k]) => ATTACHMENT.test(k.trim()))) return q("metadata");

  const integerCodes = allNumeric && p.integer === present && enumerable && distinct <= 11 && p.max - p.min <= 20;
  if (integerCodes) {
    const mode = meta.integerCodes ?? "auto";
    const ordinal = mode === "ordinal" || (mode === "auto" && isAutoOrdinal(p, distinct));
    const order = numericOrder(entries.map(([k]) => k));
    // codes with no labels in the file: categorical (never only a mean), and the review should label them
    const unlabelled = mode !== "ordinal" && !(p.min >= 0 && p.max === 10 && distinct >= 6) ? { needsValueLabels: true } : {};
    return q(ordinal ? "ordinal" : "single", { options: options(entries, order), orderBasis: "numeric", ...unlabelled });
  }
  // delimited multi-selects before numbers: ODK codes (`1 3`, `2`) are numbers when chosen alone
  const multi = meta.type === "single" ? null : delimitedMulti(p, present, distinct);
  if (multi) return q("multi", { options: options(multi.tokens, null), multi: { layout: "delimited", delimiter: multi.delimiter, uncheckedCodes: [] } });
  if (p.numeric >= 0.95 * present) return q("numeric", { answered: p.numeric });

  const looksFree = unique && p.maxLength > 10; // every answer different and wordy: free text, even in tiny files
  if (enumerable && !looksFree && p.maxLength <= 150 && distinct <= 30 && (present >= 2 * distinct || distinct <= 12)) {
    return choice(entries, base);
  }
  // a closed question with "Other" write-ins: a few frequent answers cover nearly every respondent
  const common = frequent(entries, present);
  if (common.length >= 2 && common.length <= MAX_OPTIONS && sum(common) >= 0.9 * present && common.every(([k]) => k.length <= 150)) {
    const ns = entries.filter(([k]) => isNonSubstantive(k) && !common.some(([c]) => c === k));
    const q1 = choice([...common, ...ns], base);
    return { ...q1, type: "single", orderBasis: q1.type === "single" ? q1.orderBasis : "frequency-fallback", options: q1.type === "single" ? q1.options : options(q1.options.map((o) => [o.code, o.count]), null) };
  }
  return q("text");
}
