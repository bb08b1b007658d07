/**
 * Which populations a shown result releases, from the rows it was computed over (each kept row's
 * ordinal, status, segment level, outcome value and y; `SurveyStore.memberships`). Conservative:
 * a number derived from a population (n, Σw, a mean's Σy, an estimate) records that population;
 * a shown category (its count, share or CI) records population ∩ category.
 */
import type { ModelRows } from "./protect-model";
import type { ProtectedCrosstab, ProtectedRows } from "./types";
import { populationOf, type Population } from "./population";

/** Exclusion status of a kept row (the store's `STATUS`: 1 missing outcome, 2 missing segment, 3 invalid weight, 4 analytic). */
export const ROW_STATUS = { missingOutcome: 1, missingSegment: 2, invalidWeight: 3, analytic: 4 } as const;

/** The rows a result was computed over (columnar; structurally the store's `Memberships`). */
export interface RowMemberships {
  universe: number;
  ordinal: readonly number[];
  status: readonly number[];
  segment: readonly (string | null)[];
  value: readonly (string | null)[];
  y: readonly number[];
}

function collect(m: RowMemberships, keep: (i: number) => boolean): Population {
  const out: number[] = [];
  for (let i = 0; i < m.ordinal.length; i++) if (keep(i)) out.push(m.ordinal[i]);
  return populationOf(m.universe, out);
}

/** Row accounting that is shown: every kept row, each exclusion and the analytic rows. */
function rowPopulations(rows: ProtectedRows | null, m: RowMemberships): Population[] {
  if (rows === null) return [];
  const out: Population[] = [];
  if (rows.after_filters !== null) out.push(collect(m, () => true));
  const excluded: [number | null, number][] = [
    [rows.excluded_missing_outcome, ROW_STATUS.missingOutcome],
    [rows.excluded_missing_segment, ROW_STATUS.missingSegment],
    [rows.excluded_invalid_weight, ROW_STATUS.invalidWeight],
  ];
  for (const [shown, status] of excluded) if (shown !== null) out.push(collect(m, (i) => m.status[i] === status));
  if (rows.analytic !== null) out.push(collect(m, (i) => m.status[i] === ROW_STATUS.analytic));
  if (rows.analytic_with_segment !== undefined && rows.analytic_with_segment !== null) {
    out.push(collect(m, (i) => m.status[i] === ROW_STATUS.analytic && m.segment[i] !== null));
  }
  return out;
}

/**
 * The populations a protected crosstab releases: each shown cell's respondents (total, segment),
 * and for a proportion each shown category count (cell ∩ outcome in the categories), plus the
 * shown row accounting. A blocked (withheld) result releases nothing.
 * @example crosstabPopulations(shown, memberships).length // 1 + segments shown (+ counts shown)
 */
export function crosstabPopulations(shown: ProtectedCrosstab, m: RowMemberships): Population[] {
  if (shown.disclosure.blocked) return [];
  const analytic = (i: number) => m.status[i] === ROW_STATUS.analytic;
  const out = rowPopulations(shown.rows, m);
  const cell = (block: ProtectedCrosstab["total"], inCell: (i: number) => boolean) => {
    if (block.n === null) return;
    out.push(collect(m, inCell));
    const countShown = shown.statistic === "proportion" && "count_suppressed" in block && !block.count_suppressed;
    if (countShown) out.push(collect(m, (i) => inCell(i) && m.y[i] === 1));
  };
  cell(shown.total, analytic);
  for (const s of shown.segments) cell(s, (i) => analytic(i) && m.segment[i] === s.segment);
  return out;
}

/** NPS class of a raw answer: +1 promoter, 0 passive, −1 detractor, null when not 0–10. */
export type NpsClassifier = (raw: string | null) => 1 | 0 | -1 | null;

/** What of an NPS block is shown. */
export interface ShownNpsBlock {
  n: number | null;
  segment?: string;
}

/**
 * The populations an NPS breakdown releases: each shown block's respondents with a 0–10 answer and
 * its promoters, passives and detractors (the score is promoters − detractors), the shown row
 * accounting, and the rows outside 0–10 when that count is shown.
 * @example npsPopulations({ total, segments, rows, excluded_not_0_10 }, memberships, npsScore)
 */
export function npsPopulations(
  shown: { total: ShownNpsBlock; segments: readonly ShownNpsBlock[]; rows?: ProtectedRows | null; excluded_not_0_10: number | null },
  m: RowMemberships,
  classify: NpsClassifier,
): Population[] {
  const score = m.value.map((v) => classify(v));
  const analytic = (i: number) => m.status[i] === ROW_STATUS.analytic;
  const out = rowPopulations(shown.rows ?? null, m);
  if (shown.excluded_not_0_10 !== null) out.push(collect(m, (i) => analytic(i) && score[i] === null));
  const block = (b: ShownNpsBlock, inBlock: (i: number) => boolean) => {
    if (b.n === null) return;
    const scored = (i: number) => inBlock(i) && score[i] !== null;
    out.push(collect(m, scored));
    for (const cls of [1, 0, -1] as const) out.push(collect(m, (i) => scored(i) && score[i] === cls));
  };
  block(shown.total, analytic);
  for (const s of shown.segments) block(s, (i) => analytic(i) && m.segment[i] === s.segment);
  return out;
}

/**
 * The populations a fitted key-driver model releases (`ModelRows` with ordinals): its complete
 * cases (n, the residual degrees of freedom), each categorical predictor level among them (a
 * level's coefficient is a contrast of that group's outcome), and for a logistic model the events
 * overall and per level (a saturated model gives each level's share back, so its count too). A
 * linear model's level means are sums over the level populations, which the audit covers the same
 * way. Empty without ordinals.
 * @example modelPopulations(rows).length // 1 + levels (+ 1 + levels for logistic)
 */
export function modelPopulations(m: ModelRows): Population[] {
  if (!m.ordinals || m.universe === undefined) return [];
  const ordinals = m.ordinals;
  const needed = [m.outcome, ...m.predictors.map((p) => p.column), ...(m.weight >= 0 ? [m.weight] : [])];
  const complete = m.rows.flatMap((r, i) => (needed.every((c) => r[c] !== "" && r[c] !== undefined) ? [i] : []));
  const yes = new Set(m.outcomeCategories);
  const event = (i: number) => yes.has(m.rows[i][m.outcome]);
  const pop = (idx: readonly number[]) => populationOf(m.universe!, idx.map((i) => ordinals[i]));
  const out = [pop(complete)];
  if (m.model === "logistic") out.push(pop(complete.filter(event)));
  for (const p of m.predictors) {
    if (p.kind !== "categorical") continue;
    const levels = new Map<string, number[]>();
    for (const i of complete) {
      const level = m.rows[i][p.column];
      const members = levels.get(level);
      if (members) members.push(i);
      else levels.set(level, [i]);
    }
    for (const members of levels.values()) {
      out.push(pop(members));
      if (m.model === "logistic") out.push(pop(members.filter(event)));
    }
  }
  return out;
}
