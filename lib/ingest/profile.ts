import { MAX_DISTINCT, MAX_VALUE_LENGTH } from "./limits";
import { splitMultiCell } from "./multi-split";
import type { PlainNumberSummary } from "./types";
import { hasLeadingZero, isDateLike, MISSING_TOKENS, parseNumber, UNCHECKED_TOKENS } from "./values";

/**
 * Delimiters whose tokens are counted to spot delimited multi-selects. `'` stands for a quoted
 * list (`['bicycle' ;  'radio']`, ODK/Kobo exports rewritten by pandas): the options are the
 * quoted items, and the store's delimiter-wrapped containment test (`'` + cell + `'` contains
 * `'` + option + `'`) matches exactly them. `" "` is ODK's own select_multiple export (`bicycle
 * radio`): counted only for ODK files and only on cells made of choice names.
 */
export const MULTI_DELIMITERS = ["'", ";", ", ", " "] as const;
export type MultiDelimiter = (typeof MULTI_DELIMITERS)[number];

/** Capped counts of values (or tokens); `overflow` once more than MAX_DISTINCT distinct ones appeared. */
export interface CappedCounts {
  counts: Map<string, number>;
  overflow: boolean;
}

export interface TokenProfile extends CappedCounts {
  /** cells containing the delimiter */
  cells: number;
  /** token occurrences (each token once per cell) */
  occurrences: number;
}

/** What is kept about one column while the rows stream past: bounded by the caps, not the file. */
export interface ColumnProfile {
  index: number;
  nonEmpty: number;
  values: CappedCounts;
  /** values longer than MAX_VALUE_LENGTH (not counted as distinct values) */
  longValues: number;
  numeric: number;
  integer: number;
  date: number;
  leadingZero: number;
  min: number;
  max: number;
  maxLength: number;
  tokens: Record<MultiDelimiter, TokenProfile>;
}

/** Rows answering at least one column of a group (for one-column-per-option multi-selects). */
export interface GroupProfile {
  columns: number[];
  answered: number;
}

export interface DatasetProfile {
  rows: number;
  columns: ColumnProfile[];
  /** keyed by the group's columns joined with "," */
  groups: Map<string, GroupProfile>;
  /**
   * with `echoHeaders`: rows by the set of columns whose cell repeats the column's header (a
   * Typeform checklist ticks an option by writing its text under it), keyed by the indices joined
   * with ","; null once more than MAX_ECHO_MASKS distinct sets appeared
   */
  echoes?: Map<string, number> | null;
}

const MAX_ECHO_MASKS = 10_000;

export const groupKey = (columns: number[]) => columns.join(",");

/** a counter cell; boxes let a memoised cell bump its counts without hashing again */
interface Box {
  n: number;
}
interface Counter {
  boxes: Map<string, Box>;
  overflow: boolean;
}
interface TokenState {
  counter: Counter;
  cells: number;
  occurrences: number;
}
interface ColumnState {
  p: Omit<ColumnProfile, "values" | "tokens">;
  values: Counter;
  tokens: Record<MultiDelimiter, TokenState>;
  /** cell text → its effects, so a repeated value (the common case) costs one lookup */
  memo: Map<string, Effects>;
}
/** what one cell does to its column's profile (computed once per distinct value) */
interface Effects {
  long: boolean;
  value: Box | null;
  /** 0 numeric, 1 integer, 2 leading zero, 3 date, 4 other (tokens) */
  kind: 0 | 1 | 2 | 3 | 4;
  num: number;
  tokens: { t: TokenState; delimited: boolean; boxes: (Box | null)[]; occurrences: number }[];
}

const counter = (): Counter => ({ boxes: new Map(), overflow: false });

/** the box of `key`, created while the counter has room; null (and overflow) once it is full */
function boxOf(c: Counter, key: string): Box | null {
  const b = c.boxes.get(key);
  if (b) return b;
  if (c.boxes.size < MAX_DISTINCT) {
    const nb = { n: 0 };
    c.boxes.set(key, nb);
    return nb;
  }
  c.overflow = true;
  return null;
}

function newColumn(index: number): ColumnState {
  const tokens = (): TokenState => ({ counter: counter(), cells: 0, occurrences: 0 });
  return {
    p: { index, nonEmpty: 0, longValues: 0, numeric: 0, integer: 0, date: 0, leadingZero: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY, maxLength: 0 },
    values: counter(),
    tokens: { "'": tokens(), ";": tokens(), ", ": tokens(), " ": tokens() },
    memo: new Map(),
  };
}

// keep counting tokens after overflow: known tokens (the options) must get exact respondent counts
function tokenEffects(t: TokenState, cell: string, delimiter: MultiDelimiter): Effects["tokens"][number] | null {
  if (!cell.includes(delimiter)) {
    // no delimiter: splitMultiCell would give [] for a quoted list and the trimmed cell otherwise
    if (delimiter === "'") return null;
    const token = cell.trim();
    if (!token) return null;
    return { t, delimited: false, boxes: token.length <= MAX_VALUE_LENGTH ? [boxOf(t.counter, token)] : [], occurrences: 1 };
  }
  const seen = new Set(splitMultiCell(cell, delimiter));
  const boxes: (Box | null)[] = [];
  for (const token of seen) if (token.length <= MAX_VALUE_LENGTH) boxes.push(boxOf(t.counter, token));
  return { t, delimited: true, boxes, occurrences: seen.size };
}

const ZEROS = /^0{2,4}$/;

/** `['a' ;  'b']`, `['a', 'b']`, `['a']`: a list of quoted items */
export const QUOTED_LIST = /^\[\s*'[^']*'(\s*[;,]\s*'[^']*')*\s*\]$/;
/** one or more ODK choice names separated by single spaces */
export const CHOICE_NAMES = /^[\p{L}\p{N}_.:-]+( [\p{L}\p{N}_.:-]+)*$/u;

// hot: no closures here (tsx's keepNames wraps every closure created per call)
function pushTokenEffects(out: Effects["tokens"], c: ColumnState, cell: string, d: MultiDelimiter): void {
  const e = tokenEffects(c.tokens[d], cell, d);
  if (e) out.push(e);
}

function allTokenEffects(c: ColumnState, cell: string, spaceLists: boolean): Effects["tokens"] {
  const out: Effects["tokens"] = [];
  if (cell.charCodeAt(0) === 91 /* [ */ && QUOTED_LIST.test(cell)) pushTokenEffects(out, c, cell, "'");
  else {
    pushTokenEffects(out, c, cell, ";");
    pushTokenEffects(out, c, cell, ", ");
    if (spaceLists && CHOICE_NAMES.test(cell)) pushTokenEffects(out, c, cell, " ");
  }
  return out;
}

function effectsOf(c: ColumnState, cell: string, spaceLists: boolean): Effects {
  // a multi-select cell with many options ticked is long too: its tokens still count
  if (cell.length > MAX_VALUE_LENGTH) return { long: true, value: null, kind: 4, num: 0, tokens: allTokenEffects(c, cell, spaceLists) };
  const value = boxOf(c.values, cell);
  const n = parseNumber(cell);
  // a number alone has no tokens here: `delimitedMulti` adds codes chosen alone (`3` beside `1 3`)
  // from the value counts, so the bulk path's plain-number summaries stay the very same profile
  if (n !== null) return { long: false, value, kind: Number.isInteger(n) ? 1 : 0, num: n, tokens: [] };
  // `00`, `000`: a zero written with a fixed width, not a code
  if (ZEROS.test(cell)) return { long: false, value, kind: 1, num: 0, tokens: [] };
  if (hasLeadingZero(cell)) return { long: false, value, kind: 2, num: 0, tokens: [] };
  if (isDateLike(cell)) return { long: false, value, kind: 3, num: 0, tokens: [] };
  return { long: false, value, kind: 4, num: 0, tokens: allTokenEffects(c, cell, spaceLists) };
}

/** apply `e` as if its cell occurred `n` times in a row (every effect is a count, a max or a min) */
function apply(c: ColumnState, e: Effects, n: number): void {
  const p = c.p;
  p.nonEmpty += n;
  if (e.long) p.longValues += n;
  else if (e.value) e.value.n += n;
  else c.values.overflow = true;
  if (e.kind <= 1) {
    p.numeric += n;
    if (e.kind === 1) p.integer += n;
    if (e.num < p.min) p.min = e.num;
    if (e.num > p.max) p.max = e.num;
  } else if (e.kind === 2) p.leadingZero += n;
  else if (e.kind === 3) p.date += n;
  for (const x of e.tokens) {
    if (x.delimited) x.t.cells += n;
    for (const b of x.boxes) {
      if (b) b.n += n;
      else x.t.counter.overflow = true;
    }
    x.t.occurrences += x.occurrences * n;
  }
}

function addCell(c: ColumnState, cell: string, spaceLists: boolean, n = 1): void {
  let e = c.memo.get(cell);
  if (!e) {
    if (cell.length > c.p.maxLength) c.p.maxLength = cell.length;
    e = effectsOf(c, cell, spaceLists);
    if (!e.long && c.memo.size < MAX_DISTINCT) c.memo.set(cell, e);
  }
  apply(c, e, n);
}

const counts = (c: Counter): CappedCounts => ({ counts: new Map([...c.boxes].map(([k, b]) => [k, b.n])), overflow: c.overflow });

function profileOf(c: ColumnState): ColumnProfile {
  const t = (d: MultiDelimiter): TokenProfile => ({ ...counts(c.tokens[d].counter), cells: c.tokens[d].cells, occurrences: c.tokens[d].occurrences });
  return { ...c.p, values: counts(c.values), tokens: { "'": t("'"), ";": t(";"), ", ": t(", "), " ": t(" ") } };
}

/**
 * Streaming profiler: call `add` with every data row (already fitted to the column count),
 * then `finish`. Memory is bounded by the column count and the caps, not by the rows.
 *
 * @example
 * const p = new Profiler(2, [[0, 1]]);
 * p.add(["1", ""]);
 * p.finish().columns[0].numeric; // 1
 */
export class Profiler {
  private readonly columns: ColumnState[];
  private readonly groups: GroupProfile[];
  private rows = 0;
  private readonly spaceLists: boolean;
  private readonly echoHeaders: string[] | null;
  private echoes: Map<string, number> | null = new Map();

  /**
   * `options.spaceLists`: also count space-separated choice names (ODK select_multiple);
   * `options.echoHeaders`: each column's trimmed header, to count rows by the cells that repeat it
   */
  constructor(width: number, groups: number[][] = [], options: { spaceLists?: boolean; echoHeaders?: string[] } = {}) {
    this.spaceLists = options.spaceLists ?? false;
    this.echoHeaders = options.echoHeaders ?? null;
    this.columns = Array.from({ length: width }, (_, i) => newColumn(i));
    this.groups = groups.filter((g) => g.length > 1).map((columns) => ({ columns, answered: 0 }));
  }

  add(row: string[]): void {
    this.rows++;
    for (let i = 0; i < row.length; i++) if (row[i] !== "") addCell(this.columns[i], row[i], this.spaceLists);
    for (const g of this.groups) {
      if (g.columns.some((c) => row[c] !== "" && !MISSING_TOKENS.has(row[c]) && !UNCHECKED_TOKENS.has(row[c]))) g.answered++;
    }
    if (this.echoHeaders && this.echoes) this.addEchoes(row, this.echoHeaders, this.echoes);
  }

  private addEchoes(row: string[], headers: string[], echoes: Map<string, number>): void {
    let key = "";
    for (let i = 0; i < row.length; i++) {
      if (row[i] !== "" && headers[i] !== "" && row[i].trim() === headers[i]) key = key ? `${key},${i}` : String(i);
    }
    if (!key) return;
    const n = echoes.get(key);
    if (n !== undefined) echoes.set(key, n + 1);
    else if (echoes.size < MAX_ECHO_MASKS) echoes.set(key, 1);
    else this.echoes = null;
  }

  /**
   * The counted form of `add`, for a table already loaded elsewhere: `count` occurrences of the
   * non-empty `cell` in column `column`. Feeding every column's distinct values in order of first
   * appearance (with `addRows` and `setAnswered`) gives exactly the profile `add` would have built
   * from the rows: a cell's effects depend only on the values that appeared before it.
   */
  addValue(column: number, cell: string, count: number): void {
    if (cell !== "" && count > 0) addCell(this.columns[column], cell, this.spaceLists, count);
  }

  /**
   * The counted form for a column of plain decimals (see PlainNumberSummary): the first distinct
   * values as `addValue` would take them, then the rest at once — each of them a number with no
   * value box left (the counter is full) and no tokens, so only counts, min and max move.
   */
  addPlainNumbers(column: number, s: PlainNumberSummary): void {
    const c = this.columns[column];
    const p = c.p;
    const before = { nonEmpty: p.nonEmpty, integer: p.integer };
    for (let k = 0; k < s.first.values.length; k++) this.addValue(column, s.first.values[k], s.first.counts[k]);
    const rest = s.count - (p.nonEmpty - before.nonEmpty);
    if (rest <= 0) return;
    if (c.values.boxes.size < MAX_DISTINCT) throw new Error("profile: plain numbers beyond the first distinct values while the value counter has room");
    p.nonEmpty += rest;
    p.numeric += rest;
    p.integer += s.integers - (p.integer - before.integer);
    p.min = Math.min(p.min, s.min);
    p.max = Math.max(p.max, s.max);
    p.maxLength = Math.max(p.maxLength, s.maxLength);
    c.values.overflow = true;
  }

  /** whether column `column` may hold one of `values` (false only when its value counts are complete and hold none) */
  mayHold(column: number, values: Iterable<string>): boolean {
    const c = this.columns[column].values;
    if (c.overflow) return true;
    for (const v of values) if (c.boxes.has(v)) return true;
    return false;
  }

  /** count `n` data rows (the counted form; `add` counts its own) */
  addRows(n: number): void {
    this.rows += n;
  }

  /** the column groups whose "answered" count `setAnswered` takes, in order */
  get groupColumns(): number[][] {
    return this.groups.map((g) => g.columns);
  }

  /** set the answered-rows count of group `i` of `groupColumns` (the counted form) */
  setAnswered(i: number, answered: number): void {
    this.groups[i].answered = answered;
  }

  finish(): DatasetProfile {
    const base = { rows: this.rows, columns: this.columns.map(profileOf), groups: new Map(this.groups.map((g) => [groupKey(g.columns), g])) };
    return this.echoHeaders ? { ...base, echoes: this.echoes } : base;
  }
}
