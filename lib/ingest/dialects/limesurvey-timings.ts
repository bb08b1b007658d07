import type { Block } from "../blocks";

/**
 * LimeSurvey timing columns, in any language and heading style: with "timings" on, an export ends
 * with the interview's total time, then each group's time and each question's time, the question
 * ones headed by an affix and the question's code (`Q1Time`, `Question time: Q1`, R export
 * `Vraag.tijd..Q1`, `Fragenzeit: Q1`). Found by that shape rather than by the words, they also
 * tell which columns are sub-questions of one question: `extraQuestions_vraag1…10` under a timing
 * column for `extraQuestions` are one question's rows.
 */

export interface LimeSurveyTimings {
  /** column indexes of the timing block (total, group and question times) */
  timing: Set<number>;
  /** column index → the question code it is a sub-question of (only for codes that have a timing column) */
  parent: Map<number, string>;
}

/** `extraQuestions_vraag1` → `extraQuestions`; `Q2[SQ001]` → `Q2`; `Q1` → null */
function stemOf(header: string): string | null {
  const m = /^(.+?)(?:\[[^\]]*\]|_[^_]+)$/.exec(header);
  return m ? m[1] : null;
}

const MIN_TIMED_QUESTIONS = 2;
/** longest question code looked for after / before an affix */
const MAX_CODE = 64;
/** columns before the first question time that are times too: total, first group */
const LEADING_TIMES = 2;

/**
 * The timing block and sub-question parents of a LimeSurvey export's header row; empty when the
 * export has no timing columns (fewer than two question-time columns sharing one affix).
 *
 * @example
 * limesurveyTimings(["id", "q1", "q2_a", "q2_b", "Total", "Group: g", "QT..q1", "QT..q2"]);
 * // { timing: {4, 5, 6, 7}, parent: {2 → "q2", 3 → "q2"} }
 */
export function limesurveyTimings(headers: string[]): LimeSurveyTimings {
  const h = headers.map((x) => x.trim());
  const codes = new Set<string>();
  for (const x of h) {
    if (!x) continue;
    codes.add(x);
    const stem = stemOf(x);
    if (stem) codes.add(stem);
  }
  // affix (prefix `P:` or suffix `S:`) → the columns headed affix + code (codes are short)
  const byAffix = new Map<string, { index: number; code: string }[]>();
  h.forEach((x, index) => {
    for (let cut = Math.max(1, x.length - MAX_CODE); cut < x.length; cut++) {
      for (const [affix, code] of [[`P:${x.slice(0, cut)}`, x.slice(cut)], [`S:${x.slice(x.length - cut)}`, x.slice(0, x.length - cut)]] as const) {
        if (code.length < 2 || !codes.has(code) || code === x) continue;
        const list = byAffix.get(affix) ?? [];
        list.push({ index, code });
        byAffix.set(affix, list);
      }
    }
  });
  // the timing block follows every question: each of its codes' columns comes before it
  const lastUse = (timed: Set<string>) => h.reduce((m, x, i) => (timed.has(x) || timed.has(stemOf(x) ?? "") ? i : m), -1);
  let best: { index: number; code: string }[] = [];
  for (const list of byAffix.values()) {
    const timed = new Set(list.map((e) => e.code));
    if (timed.size < MIN_TIMED_QUESTIONS || list.length <= best.length) continue;
    if (Math.min(...list.map((e) => e.index)) > lastUse(timed)) best = list;
  }
  const timing = new Set<number>();
  const parent = new Map<number, string>();
  if (!best.length) return { timing, parent };
  const timed = new Set(best.map((e) => e.code));
  const first = Math.min(...best.map((e) => e.index));
  const last = Math.max(...best.map((e) => e.index));
  // before the first question time: the interview's total and the first group's time
  let start = first;
  while (start > Math.max(0, first - LEADING_TIMES) && !timed.has(h[start - 1]) && !timed.has(stemOf(h[start - 1]) ?? "")) start--;
  for (let i = start; i <= last; i++) timing.add(i);
  h.forEach((x, index) => {
    const stem = stemOf(x);
    if (!timing.has(index) && !timed.has(x) && stem && timed.has(stem)) parent.set(index, stem);
  });
  return { timing, parent };
}

/**
 * Merge the single-column blocks of one question's sub-questions (`parent` from
 * `limesurveyTimings`, adjacent columns only) into one block named by the question's code, each
 * column's option its sub-question code.
 */
export function groupSubQuestions(blocks: Block[], parent: Map<number, string>): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const c = b.columns[0];
    const code = b.columns.length === 1 && !c.type ? parent.get(c.index) : undefined;
    const prev = out[out.length - 1];
    const column = code ? { ...c, option: c.header.trim().slice(code.length).replace(/^[_[]|\]$/g, "") } : c;
    if (code && prev?.id === code && prev.columns[prev.columns.length - 1].index === c.index - 1) prev.columns.push(column);
    else if (code) out.push({ id: code, label: code, columns: [column], flagOnly: true });
    else out.push(b);
  }
  return out;
}
