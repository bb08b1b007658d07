import { MAX_DISTINCT, MAX_VALUE_LENGTH } from "./limits";
import { splitMultiCell } from "./multi-split";
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
}

export const groupKey = (columns: number[]) => columns.join(",");

const capped = (): CappedCounts => ({ counts: new Map(), overflow: false });

function bump(c: CappedCounts, key: string): void {
  const n = c.counts.get(key);
  if (n !== undefined) c.counts.set(key, n + 1);
  else if (c.counts.size < MAX_DISTINCT) c.counts.set(key, 1);
  else c.overflow = true;
}

function newColumn(index: number): ColumnProfile {
  const tokens = (): TokenProfile => ({ ...capped(), cells: 0, occurrences: 0 });
  return {
    index,
    nonEmpty: 0,
    values: capped(),
    longValues: 0,
    numeric: 0,
    integer: 0,
    date: 0,
    leadingZero: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    maxLength: 0,
    tokens: { "'": tokens(), ";": tokens(), ", ": tokens(), " ": tokens() },
  };
}

function addTokens(t: TokenProfile, cell: string, delimiter: MultiDelimiter): void {
  // keep counting after overflow: known tokens (the options) must get exact respondent counts
  if (cell.includes(delimiter)) t.cells++;
  const seen = new Set(splitMultiCell(cell, delimiter));
  for (const token of seen) if (token.length <= MAX_VALUE_LENGTH) bump(t, token);
  t.occurrences += seen.size;
}

/** `['a' ;  'b']`, `['a', 'b']`, `['a']`: a list of quoted items */
export const QUOTED_LIST = /^\[\s*'[^']*'(\s*[;,]\s*'[^']*')*\s*\]$/;
/** one or more ODK choice names separated by single spaces */
const CHOICE_NAMES = /^[\p{L}\p{N}_.:-]+( [\p{L}\p{N}_.:-]+)*$/u;

function addAllTokens(p: ColumnProfile, cell: string, spaceLists: boolean): void {
  if (QUOTED_LIST.test(cell)) return addTokens(p.tokens["'"], cell, "'");
  addTokens(p.tokens[";"], cell, ";");
  addTokens(p.tokens[", "], cell, ", ");
  if (spaceLists && CHOICE_NAMES.test(cell)) addTokens(p.tokens[" "], cell, " ");
}

function addCell(p: ColumnProfile, cell: string, spaceLists: boolean): void {
  p.nonEmpty++;
  if (cell.length > p.maxLength) p.maxLength = cell.length;
  if (cell.length > MAX_VALUE_LENGTH) {
    p.longValues++;
    // a multi-select cell with many options ticked is long too: its tokens still count
    addAllTokens(p, cell, spaceLists);
    return;
  }
  bump(p.values, cell);
  const n = parseNumber(cell);
  if (n !== null) {
    p.numeric++;
    if (Number.isInteger(n)) p.integer++;
    if (n < p.min) p.min = n;
    if (n > p.max) p.max = n;
    return;
  }
  if (hasLeadingZero(cell)) p.leadingZero++;
  else if (isDateLike(cell)) p.date++;
  else addAllTokens(p, cell, spaceLists);
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
  private readonly columns: ColumnProfile[];
  private readonly groups: GroupProfile[];
  private rows = 0;
  private readonly spaceLists: boolean;

  /** `options.spaceLists`: also count space-separated choice names (ODK select_multiple) */
  constructor(width: number, groups: number[][] = [], options: { spaceLists?: boolean } = {}) {
    this.spaceLists = options.spaceLists ?? false;
    this.columns = Array.from({ length: width }, (_, i) => newColumn(i));
    this.groups = groups.filter((g) => g.length > 1).map((columns) => ({ columns, answered: 0 }));
  }

  add(row: string[]): void {
    this.rows++;
    for (let i = 0; i < row.length; i++) if (row[i] !== "") addCell(this.columns[i], row[i], this.spaceLists);
    for (const g of this.groups) {
      if (g.columns.some((c) => row[c] !== "" && !MISSING_TOKENS.has(row[c]) && !UNCHECKED_TOKENS.has(row[c]))) g.answered++;
    }
  }

  finish(): DatasetProfile {
    return { rows: this.rows, columns: this.columns, groups: new Map(this.groups.map((g) => [groupKey(g.columns), g])) };
  }
}
