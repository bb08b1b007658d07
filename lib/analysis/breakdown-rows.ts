/**
 * Shape a crosstab result into rows ready to draw: one per segment plus the total, with the
 * estimate and interval the view shows (weighted: survey logit interval; unweighted: Wilson),
 * so charts and tables read the same numbers and components never reshape data.
 */
import type { LetterMark } from "@/lib/schema/banner";

type Interval = [number, number] | null;

interface BlockLike {
  /** null when small-cell protection hid the cell */
  n: number | null;
  /** what to show instead of hidden numbers ("< 5"), from lib/disclosure */
  display?: string | null;
  weighted_n: number | null;
  n_eff_kish: number | null;
  count?: number | null;
  unweighted?: { p?: number | null; mean?: number | null; ci?: Record<string, unknown> } | null;
  weighted?: { p?: number | null; mean?: number | null; ci?: Record<string, unknown> } | null;
}

export interface BreakdownSource {
  statistic: "proportion" | "mean";
  total: BlockLike;
  segments: (BlockLike & { segment: string })[];
}

export interface BreakdownRow {
  key: string;
  label: string;
  isTotal: boolean;
  /** null when hidden by small-cell protection */
  n: number | null;
  /** shown instead of hidden numbers ("< 5"); null when nothing is hidden */
  hidden: string | null;
  weightedN: number | null;
  effectiveN: number | null;
  estimate: number | null;
  ci: Interval;
  ciMethod: string;
  lowBase: boolean;
  /** this segment's column letter ("" for the total) */
  letter: string;
  /** letters of the segments this one is significantly higher than, e.g. "Bc" */
  sigText: string;
  marks: LetterMark[];
}

/** Why a segment carries a letter (see lib/stats letters); its shape is the API's (lib/schema/banner). */
export type { LetterMark };

export interface SegmentLetters {
  segment: string;
  column_letter: string;
  text: string;
  marks: LetterMark[];
}

export interface BreakdownOptions {
  weighted: boolean;
  /** minimum effective base; smaller cells are flagged */
  minBase: number;
  /** segment code → the label shown (value labels of coded answers); codes without one show as they are */
  labels?: Record<string, string>;
}

function asInterval(v: unknown): Interval {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === "number" && typeof v[1] === "number" ? [v[0], v[1]] : null;
}

function toRow(b: BlockLike, key: string, label: string, isTotal: boolean, stat: BreakdownSource["statistic"], o: BreakdownOptions): BreakdownRow {
  const block = o.weighted ? b.weighted : b.unweighted;
  const estimate = (stat === "mean" ? block?.mean : block?.p) ?? null;
  const method = stat === "mean" ? "t" : o.weighted ? "svyciprop_logit" : "wilson";
  const ci = asInterval(block?.ci?.[method]);
  const eff = o.weighted ? b.n_eff_kish : b.n;
  const shown = b.n !== null && b.n > 0;
  return {
    key,
    label,
    isTotal,
    n: b.n,
    hidden: b.display ?? null,
    weightedN: b.weighted_n,
    effectiveN: eff,
    estimate: shown ? estimate : null,
    ci: shown ? ci : null,
    ciMethod: method === "svyciprop_logit" ? "logit (survey)" : method === "wilson" ? "Wilson" : "t",
    lowBase: !b.display && (eff === null || eff < o.minBase),
    letter: "",
    sigText: "",
    marks: [],
  };
}

/**
 * @example
 * getBreakdownRows(result, { weighted: true, minBase: 30 })[0].label // "Total"
 */
export function getBreakdownRows(result: BreakdownSource, o: BreakdownOptions, letters: SegmentLetters[] = []): BreakdownRow[] {
  const bySegment = new Map(letters.map((l) => [l.segment, l]));
  const rows = result.segments.map((s, i) => {
    const l = bySegment.get(s.segment);
    const label = o.labels && Object.hasOwn(o.labels, s.segment) ? o.labels[s.segment] : s.segment;
    const row = toRow(s, `s${i}`, label, false, result.statistic, o);
    return l ? { ...row, letter: l.column_letter, sigText: l.text, marks: l.marks } : row;
  });
  rows.push(toRow(result.total, "total", "Total", true, result.statistic, o));
  return rows;
}
