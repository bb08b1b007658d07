import type { Question } from "@/lib/schema/question";
import { alignGrid } from "./grid";
import { inferQuestion, type ColumnMeta } from "./infer-question";
import { groupKey, type ColumnProfile, type DatasetProfile } from "./profile";
import type { IdAllocator } from "./question-ids";
import { MISSING_TOKENS, parseNumber, UNCHECKED_TOKENS } from "./values";

/** One column of a question block (a Qualtrics QID, a SurveyMonkey header block, `q4_1..q4_6`). */
export interface BlockColumn {
  index: number;
  /** id wanted when the column becomes its own question */
  id: string;
  /** label when the column becomes its own question */
  label: string;
  /** the option / sub-item text (what follows the block's question text) */
  option: string;
  /** header text for name-based rules */
  header: string;
  /** dialect knowledge that forces a type for this column (e.g. `_TEXT` sidecars) */
  type?: ColumnMeta["type"];
  /** the block's own question column before its option columns (`q` before `q_1`, `Q9` before `Q9_1`): never an option */
  main?: boolean;
}

export interface Block {
  id: string;
  label: string;
  columns: BlockColumn[];
  /** how small integer codes of standalone columns are read */
  integerCodes?: ColumnMeta["integerCodes"];
  /** `Question text [Row]` columns (Google Forms grids): the rows' group id; rows share a scale */
  grid?: string;
  /** a ticked option is always one flag value (LimeSurvey `Y`), never the option's label */
  flagOnly?: boolean;
}

const storageName = (index: number) => `c${index}`;

interface OptionColumn {
  chosen: string | null;
  count: number;
  unchecked: string[];
}

/** A column of a one-column-per-option multi-select holds one chosen value (`1` or the label). */
function asOptionColumn(p: ColumnProfile): OptionColumn | null {
  if (p.values.overflow || p.longValues) return null;
  const chosen = [...p.values.counts].filter(([v]) => !MISSING_TOKENS.has(v) && !UNCHECKED_TOKENS.has(v));
  if (chosen.length > 1) return null;
  const unchecked = [...p.values.counts.keys()].filter((v) => UNCHECKED_TOKENS.has(v));
  if (!chosen.length) return { chosen: null, count: 0, unchecked };
  const [value, count] = chosen[0];
  if (value !== "1" && parseNumber(value) !== null) return null;
  return { chosen: value, count, unchecked };
}

function multiColumns(block: Block, cols: BlockColumn[], found: OptionColumn[], profile: DatasetProfile, id: string): Question {
  const all = block.columns.filter((c) => !c.type).map((c) => c.index);
  const missingCodes = [...MISSING_TOKENS].filter((t) => cols.some((c) => profile.columns[c.index].values.counts.has(t)));
  const uncheckedCodes = [...new Set(found.flatMap((f) => f.unchecked))];
  return {
    id,
    label: block.label,
    type: "multi",
    columns: cols.map((c) => storageName(c.index)),
    options: cols.map((c, i) => {
      // a value chosen in several columns (`1`, LimeSurvey's `Y`) is a flag, not the option's label
      const flag = found[i].chosen === "1" || found.filter((f) => f.chosen === found[i].chosen).length > 1;
      const label = found[i].chosen && !flag ? found[i].chosen! : c.option || c.label;
      return { code: label, label, count: found[i].count, column: storageName(c.index) };
    }),
    missingCodes,
    multi: { layout: "columns", uncheckedCodes },
    answered: profile.groups.get(groupKey(all))?.answered ?? 0,
  };
}

/** whether a block's main column repeats its split option columns (a delimited multi or a choice over the same codes) */
function duplicatesSplit(q: Question, split: Question): boolean {
  if (q.answered === 0) return true;
  if (q.type !== "multi" && q.type !== "single" && q.type !== "ordinal") return false;
  const codes = new Set(split.options.flatMap((o) => [o.code, o.label, (o.column ?? "").toLowerCase()]));
  const labels = split.options.map((o) => o.label.toLowerCase());
  return q.options.length > 0 && q.options.every((o) => codes.has(o.code) || labels.includes(o.code.toLowerCase()));
}

/** whether every answer of a main column is a space-separated list of its split columns' codes (`work school`), however it was typed */
function joinsSplitCodes(p: ColumnProfile, split: Question): boolean {
  if (p.values.overflow || p.nonEmpty === 0) return false;
  const codes = new Set(split.options.flatMap((o) => [o.code.toLowerCase(), o.label.toLowerCase()]));
  return [...p.values.counts.keys()].every((v) => MISSING_TOKENS.has(v) || v.trim().split(/\s+/).every((t) => codes.has(t.toLowerCase())));
}

/**
 * Columns a block's profile group tracks (every column without a forced type), so the
 * profiler can count respondents answering any of them.
 *
 * @example
 * blockGroup({ id: "Q2", label: "", columns: [a, b, textSidecar] }); // [a.index, b.index]
 */
export function blockGroup(block: Block): number[] {
  return block.columns.filter((c) => !c.type).map((c) => c.index);
}

/**
 * Turn a block into questions: a one-column-per-option multi-select when (nearly) every column
 * holds a single chosen value (`1` or its option label, else empty / `0` / `Not selected`),
 * plus standalone questions for the rest (write-ins, `_TEXT` sidecars, grid rows).
 *
 * @example
 * buildBlock({ id: "Q2", label: "Fruits?", columns }, profile, ids); // [{ id: "Q2", type: "multi", … }]
 */
export function buildBlock(block: Block, profile: DatasetProfile, ids: IdAllocator): Question[] {
  const candidates = block.columns.filter((c) => !c.type);
  const found = candidates.map((c) => (c.main ? null : asOptionColumn(profile.columns[c.index])));
  const optionCols = candidates.filter((_, i) => found[i]);
  const optionFound = found.filter((f): f is OptionColumn => !!f);
  const anyChosen = optionFound.some((f) => f.chosen);
  const codes = new Set(optionFound.map((f) => f.chosen).filter((c) => c));
  // `flagOnly` vendors mark a ticked option with one flag (`Y`): different values per column are
  // free-text answers (sub-questions of a multiple-text question), not option labels
  const labelled = codes.size === 1 || (!codes.has("1") && !block.flagOnly);
  const isMulti = optionCols.length >= 2 && candidates.length - optionCols.length <= 2 && anyChosen && labelled;
  const out: Question[] = [];
  const groupId = block.grid ?? block.id;
  const grouped = block.columns.length > 1 ? groupId : undefined;
  if (isMulti) out.push(multiColumns(block, optionCols, optionFound, profile, ids.take(block.id)));
  const rows: Question[] = [];
  for (const c of block.columns) {
    if (isMulti && optionCols.includes(c)) continue;
    const meta: ColumnMeta = {
      id: ids.take(c.id),
      label: c.label,
      header: c.header,
      column: storageName(c.index),
      group: isMulti ? groupId : grouped,
      type: c.type,
      integerCodes: block.integerCodes,
    };
    const q = inferQuestion(profile.columns[c.index], meta);
    // SurveyCTO / Kobo wide exports: the joined answer (`1 3`) beside its 0/1 split columns is the same question twice
    if (isMulti && c.main && (duplicatesSplit(q, out[0]) || joinsSplitCodes(profile.columns[c.index], out[0]))) continue;
    rows.push(q);
  }
  if (block.grid && !isMulti) {
    const index = new Map(block.columns.map((c) => [storageName(c.index), c.index]));
    return [...out, ...markGrid(block, alignGrid(rows, profile, (q) => index.get(q.columns[0])!))];
  }
  return [...out, ...(isMulti ? rows : markGrid(block, rows))];
}

const MAX_GRID_LEVELS = 15;

/**
 * Rows of one block that answer one shared scale (a Qualtrics matrix `Q5_1…Q5_n`, a SurveyMonkey
 * matrix, a `Question [Row]` grid) are one grid question: each row keeps its own question (the
 * statistics work per row) and carries `grid: {id, label, rows}` so the app can show them as one
 * rows × scale question. Shared scale: every row the same choice type with at least half of the
 * block's levels (at most 15 levels in all).
 */
function markGrid(block: Block, rows: Question[]): Question[] {
  const own = new Set(block.columns.filter((c) => !c.type && !c.main).map((c) => storageName(c.index)));
  const members = rows.filter((q) => own.has(q.columns[0]) && (q.type === "ordinal" || q.type === "single") && q.options.length > 0);
  if (members.length < 2 || members.some((q) => q.type !== members[0].type)) return rows;
  const levels = new Set(members.flatMap((q) => q.options.map((o) => o.code)));
  if (levels.size > MAX_GRID_LEVELS || members.some((q) => q.options.length < Math.max(2, levels.size / 2))) return rows;
  const grid = { id: block.grid ?? block.id, label: block.label, rows: members.map((q) => q.id) };
  const inGrid = new Set(members);
  return rows.map((q) => (inGrid.has(q) ? { ...q, grid } : q));
}
