/**
 * Banner tables: every answer of one outcome question as rows, the Total plus the levels of one or
 * more segment questions as column groups. Each (row, group) is one crosstab run through the
 * caller's PROTECTED path (small cells, complements, differencing guard), so a banner cell carries
 * exactly what the single breakdown would show; rows of one column are then protected against each
 * other (banner-protect.ts).
 */
import { getBreakdownRows, type BreakdownRow } from "@/lib/analysis/breakdown-rows";
import type { ProtectedCrosstab } from "@/lib/disclosure";
import { COMPLEMENT_LABEL, hiddenFootnotes, suppressedLabel } from "@/lib/disclosure";
import { bannerSpecSchema, type BannerCell, type BannerColumn, type BannerResult, type BannerRow, type BannerSpec } from "@/lib/schema/banner";
import type { CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import type { CrosstabResult } from "@/lib/schema/crosstab-result";
import { assignLetters, columnLetter } from "@/lib/stats/letters";
import { lettersRule } from "@/lib/stats/letters-rule";
import { netMustHide, secondaryHides } from "./banner-protect";

/** Runs one crosstab through the protected path (the route passes runProtectedCrosstab). */
export type BannerRunner = (spec: CrosstabSpecInput) => Promise<ProtectedCrosstab>;

export interface BannerOptions {
  /** disclosure threshold (DISCLOSURE_K) */
  k: number;
  /** minimum effective base (MIN_EFFECTIVE_BASE) */
  minBase: number;
  sensitive?: boolean;
  /** the audience sees exact numbers (respondent access or an open dataset): nothing is protected */
  exact?: boolean;
}

interface RowDef {
  codes: string[];
  label: string;
  kind: BannerRow["kind"];
  /** `__top2` / `__bottom2` for NETs, the code for options */
  key: string;
}

const OUTCOME_TYPES = new Set(["single", "ordinal", "multi", "numeric"]);

function findQuestion(dataset: Dataset, name: string): Question | undefined {
  return dataset.questions.find((q) => q.id === name) ?? dataset.questions.find((q) => q.label === name);
}

/**
 * The rows a banner shows for an outcome: options, Top/Bottom-2 NETs of a scale, or one mean; then
 * the non-substantive answers (kind "nonsubstantive": shares of everyone who answered, not in the
 * base of the rows above).
 */
export function bannerRowDefs(q: Pick<Question, "type" | "options" | "nonSubstantive">, categories?: string[]): RowDef[] {
  if (q.type === "numeric") return [{ codes: [], label: "Mean", kind: "mean", key: "__mean" }];
  const defs: RowDef[] = q.options.map((o) => ({ codes: [o.code], label: o.label, kind: "option", key: o.code }));
  if (q.type === "ordinal" && q.options.length >= 4) {
    const top = q.options.slice(-2);
    const bottom = q.options.slice(0, 2);
    defs.push({ codes: top.map((o) => o.code), label: `Top 2 (${top.map((o) => o.label).join(" + ")})`, kind: "net", key: "__top2" });
    defs.push({ codes: bottom.map((o) => o.code), label: `Bottom 2 (${bottom.map((o) => o.label).join(" + ")})`, kind: "net", key: "__bottom2" });
  }
  // non-substantive answers ("Don't know", "Prefer not to say") last, as their own rows out of the base
  if (q.type === "single" || q.type === "ordinal") {
    for (const o of q.nonSubstantive ?? []) defs.push({ codes: [o.code], label: o.label, kind: "nonsubstantive", key: o.code });
  }
  return categories?.length ? defs.filter((d) => categories.includes(d.key)) : defs;
}

interface GroupRun {
  segment: Question;
  levels: string[];
  /** one protected crosstab per row definition */
  results: ProtectedCrosstab[];
  /** breakdown rows per row definition (segments…, total last) */
  rows: BreakdownRow[][];
}

function cellOf(columnId: string, r: BreakdownRow, count: number | null, stat: "proportion" | "mean"): BannerCell {
  if (r.hidden !== null || r.estimate === null) {
    return { columnId, value: null, ci: null, count: null, hidden: r.hidden, letters: "" };
  }
  return { columnId, value: r.estimate, ci: r.ci, count: stat === "proportion" ? count : null, hidden: null, letters: r.sigText, ...(r.marks.length ? { marks: r.marks } : {}) };
}

function countOf(result: ProtectedCrosstab, segment: string | null): number | null {
  if (result.statistic !== "proportion") return null;
  const block = segment === null ? result.total : result.segments.find((s) => s.segment === segment);
  return block?.count ?? null;
}

function groupTest(g: GroupRun, weighted: boolean, outcomeType: string): BannerResult["tests"][number] {
  const first = g.results[0];
  const none = { segment: g.segment.id, test: null, statistic: null, p: null };
  if (!first || first.statistic !== "proportion" || outcomeType === "multi") return none;
  const full = first.chisq.full;
  if (!full) return none;
  if (weighted) {
    const f = full.weighted?.rao_scott_f;
    return f ? { segment: g.segment.id, test: "Rao–Scott F", statistic: f.F, p: f.p_value } : none;
  }
  const u = full.unweighted;
  return u ? { segment: g.segment.id, test: `Pearson χ² (df ${u.df})`, statistic: u.x2, p: u.p_value } : none;
}

/**
 * Compute a banner table. `run` must be the protected crosstab path of the caller (API: the
 * viewer's release history); every number here comes from its output.
 *
 * @example
 * await runBanner(dataset, { outcome: "rolled_back", segments: ["guardrail_maturity", "country"] }, (s) => runProtectedCrosstab(store, dataset, s, viewer), { k: 5, minBase: 30 })
 */
export async function runBanner(dataset: Dataset, specInput: unknown, run: BannerRunner, opts: BannerOptions): Promise<BannerResult> {
  const spec: BannerSpec = bannerSpecSchema.parse(specInput);
  const outcome = findQuestion(dataset, spec.outcome);
  if (!outcome) throw new AppError("unknown_question", `unknown outcome question: ${spec.outcome}`, { role: "outcome", name: spec.outcome });
  if (!OUTCOME_TYPES.has(outcome.type)) throw new AppError("invalid_spec", `a ${outcome.type} question cannot be a banner outcome: ${outcome.id}`);
  if (!spec.segments.length) throw new AppError("invalid_spec", "a banner needs at least one segment question");
  if (new Set(spec.segments).size !== spec.segments.length) throw new AppError("invalid_spec", "each banner segment may appear once");
  const defs = bannerRowDefs(outcome, spec.categories);
  if (!defs.length) throw new AppError("invalid_spec", `no answers to show for ${outcome.id}`);
  const statistic = outcome.type === "numeric" ? "mean" : "proportion";
  const weighted = Boolean(spec.weight);
  const common = { outcome: outcome.id, ...(spec.weight ? { weight: spec.weight } : {}), filters: spec.filters, conf_level: spec.conf_level, missing_segment: "include_in_total" as const };

  const groups: GroupRun[] = [];
  for (const segName of spec.segments) {
    const segment = findQuestion(dataset, segName);
    if (!segment) throw new AppError("unknown_question", `unknown segment question: ${segName}`, { role: "segment", name: segName });
    if (segment.id === outcome.id) throw new AppError("invalid_spec", `the outcome cannot also be a banner segment: ${segment.id}`);
    const results: ProtectedCrosstab[] = [];
    for (const d of defs) {
      const s: CrosstabSpecInput =
        d.kind === "mean"
          ? { ...common, segment: segment.id, statistic: "mean" }
          : { ...common, segment: segment.id, statistic: "proportion", outcome_category: d.codes, ...(d.kind === "nonsubstantive" ? { missing_outcome: "include_nonsubstantive" as const } : {}) };
      results.push(await run(s));
    }
    const letterTest = weighted ? "weighted_z" : "unweighted";
    const rows = results.map((r) => {
      // hidden cells carry no pairwise tests (lib/disclosure removed them), so no letter points at them
      const letters = assignLetters(r as unknown as Pick<CrosstabResult, "pairwise" | "segments">, { test: letterTest, correction: spec.sig });
      return getBreakdownRows(r, { weighted, minBase: opts.minBase }, letters);
    });
    groups.push({ segment, levels: results[0].segment_levels, results, rows });
  }

  const label = suppressedLabel(opts.k);
  const rules = { k: opts.k, sensitive: opts.sensitive ?? false };
  // a cell hidden here protects another (a column's base, a NET's option, a hidden total), so it
  // says "—" unless it already carries its own label; a hidden column passes on its label
  const hideCell = (c: BannerCell, why: string = COMPLEMENT_LABEL): BannerCell => ({ columnId: c.columnId, value: null, ci: null, count: null, hidden: c.hidden ?? why, letters: "" });
  const columns: BannerColumn[] = [];
  // per column: the breakdown row index in each group's rows (total = last)
  const sources: { id: string; group: number; index: number; level: string | null }[] = [];
  const g0 = groups[0];
  const totalIdx = g0.levels.length;
  // the rows counted in the base (non-substantive rows have a base of their own)
  const inBase = defs.map((d) => d.kind !== "nonsubstantive");
  const colBase = (g: GroupRun, index: number) => {
    // a base shown in one row and hidden in another is hidden everywhere
    const all = g.rows.filter((_, ri) => inBase[ri]).map((rs) => rs[index]);
    const hiddenIn = all.filter((r) => r.n === null);
    const hidden = hiddenIn.length > 0;
    // "< k" when the column is small in some row's crosstab; otherwise it is hidden to protect a small cell
    const why = hiddenIn.some((r) => r.hidden === label) ? label : COMPLEMENT_LABEL;
    const r = all[0];
    return { n: hidden ? null : r.n, weightedN: hidden ? null : r.weightedN, effectiveN: hidden ? null : r.effectiveN, lowBase: !hidden && r.lowBase, hidden: hidden ? why : null };
  };
  const totalHidden = groups.some((g) => g.rows.some((rs, ri) => inBase[ri] && rs[rs.length - 1].n === null));
  const tb = colBase(g0, totalIdx);
  columns.push({ id: "total", segment: null, segmentLabel: null, level: null, label: "Total", letter: "", ...(totalHidden ? { ...tb, n: null, weightedN: null, effectiveN: null, lowBase: false, hidden: tb.hidden ?? COMPLEMENT_LABEL } : tb) });
  sources.push({ id: "total", group: 0, index: totalIdx, level: null });
  groups.forEach((g, gi) => {
    g.levels.forEach((level, li) => {
      const id = `g${gi}c${li}`;
      const optLabel = g.segment.options.find((o) => o.code === level)?.label ?? level;
      columns.push({ id, segment: g.segment.id, segmentLabel: g.segment.label, level, label: optLabel, letter: columnLetter(li), ...colBase(g, li) });
      sources.push({ id, group: gi, index: li, level });
    });
  });

  // cells, column by column, then protection across the rows of each column
  const grid: BannerCell[][] = defs.map(() => []);
  sources.forEach((src, ci) => {
    const g = groups[src.group];
    const cells = defs.map((_, ri) => cellOf(src.id, g.rows[ri][src.index], countOf(g.results[ri], src.level), statistic));
    // the Total is the same in every group's crosstab: hidden in one, hidden everywhere
    const totalHiddenIn = (ri: number) => src.level === null && groups.some((x) => x.rows[ri][x.rows[ri].length - 1].hidden !== null);
    cells.forEach((c, ri) => {
      if (columns[ci].n === null) cells[ri] = hideCell(c, columns[ci].hidden ?? COMPLEMENT_LABEL);
      else if (totalHiddenIn(ri)) cells[ri] = hideCell(c);
    });
    if (statistic === "proportion" && !opts.exact) {
      const optionIdx = defs.map((d, i) => (d.kind === "option" ? i : -1)).filter((i) => i >= 0);
      if (outcome.type !== "multi") {
        const extra = secondaryHides(columns[ci].n === null ? null : (countBase(g.results[0], src.level) ?? null), optionIdx.map((i) => ({ count: cells[i].count, hidden: cells[i].hidden !== null })), rules);
        for (const j of extra) cells[optionIdx[j]] = hideCell(cells[optionIdx[j]]);
      }
      // the non-substantive counts of a column add up to its base with them minus its base without
      const apartIdx = defs.map((d, i) => (d.kind === "nonsubstantive" ? i : -1)).filter((i) => i >= 0);
      const withApart = apartIdx.map((i) => g.results[i]).find((r) => countBase(r, src.level) !== null);
      const apartBase = columns[ci].n === null || !withApart ? null : countBase(withApart, src.level)! - columns[ci].n!;
      const apartExtra = secondaryHides(apartBase, apartIdx.map((i) => ({ count: cells[i].count, hidden: cells[i].hidden !== null })), rules);
      for (const j of apartExtra) cells[apartIdx[j]] = hideCell(cells[apartIdx[j]]);
      const hiddenCodes = new Set(optionIdx.filter((i) => cells[i].hidden !== null).map((i) => defs[i].codes[0]));
      defs.forEach((d, i) => {
        if (d.kind === "net" && netMustHide(d.codes, hiddenCodes)) cells[i] = hideCell(cells[i]);
      });
    }
    cells.forEach((c, ri) => grid[ri].push(c));
  });
  // a letter pointing at a cell hidden across rows would compare with a hidden value: drop it
  groups.forEach((g, gi) => {
    defs.forEach((_, ri) => {
      const colsOfGroup = sources.map((s, ci) => ({ s, ci })).filter((x) => x.s.group === gi && x.s.level !== null);
      const hiddenLevels = new Set(colsOfGroup.filter((x) => grid[ri][x.ci].hidden !== null).map((x) => x.s.level));
      for (const { s, ci } of colsOfGroup) {
        const cell = grid[ri][ci];
        if (cell.hidden !== null || !hiddenLevels.size) continue;
        const marks = g.rows[ri][s.index].marks.filter((m) => !hiddenLevels.has(m.versus));
        grid[ri][ci] = { ...cell, letters: marks.map((m) => m.letter).join(""), marks };
      }
    });
  });

  const rows: BannerRow[] = defs.map((d, ri) => ({ id: `r${ri}`, codes: d.codes, label: d.label, kind: d.kind, cells: grid[ri] }));
  const suppressedCells = rows.reduce((s, r) => s + r.cells.filter((c) => c.hidden !== null).length, 0);
  const notes = [...bannerNotes(spec, outcome, opts, weighted), ...hiddenFootnotes([...columns.map((c) => c.hidden), ...rows.flatMap((r) => r.cells.map((c) => c.hidden))])];
  return {
    outcome: { id: outcome.id, label: outcome.label, type: outcome.type },
    statistic,
    weighted,
    weighting: { weight: spec.weight ?? null, source: spec.weight ? "request" : spec.unweighted ? "unweighted" : "none" },
    conf_level: spec.conf_level,
    sig: spec.sig,
    columns,
    rows,
    tests: groups.map((g) => groupTest(g, weighted, outcome.type)),
    notes,
    disclosure: { k: opts.k, suppressedCells, ...(opts.exact ? { exact: true } : {}) },
    dataset: { id: dataset.id, version: dataset.version },
  };
}

/** The column's base as the crosstab counts it (respondents with an answer to the outcome). */
function countBase(result: ProtectedCrosstab, level: string | null): number | null {
  const block = level === null ? result.total : result.segments.find((s) => s.segment === level);
  return block?.n ?? null;
}

function bannerNotes(spec: BannerSpec, outcome: Question, opts: BannerOptions, weighted: boolean): string[] {
  const notes = [
    `${weighted ? `Weighted by ${spec.weight}` : "Unweighted"}; ${Math.round(spec.conf_level * 100)}% confidence intervals.`,
    lettersRule({ test: weighted ? "weighted_z" : "unweighted", correction: spec.sig, banner: true }),
    opts.exact
      ? `Exact numbers: you have respondent access to this dataset (or it is open); columns with fewer than ${opts.k} respondents are shown, not hidden.`
      : `Cells and columns with fewer than ${opts.k} respondents are hidden ("< ${opts.k}"); cells that would reveal them are hidden too ("—", hidden to protect a small cell).`,

    `Shaded columns have an effective base below ${opts.minBase}.`,
  ];
  if (outcome.type === "multi") notes.push("Several answers could be chosen: shares are of respondents who answered and may add to more than 100%.");
  if ((outcome.type === "single" || outcome.type === "ordinal") && outcome.nonSubstantive?.length) {
    notes.push(`Not in the base: ${outcome.nonSubstantive.map((o) => o.label).join(", ")} (listed last; their shares are of everyone who answered, them included; not in the NETs, means or charts).`);
  }
  if (Object.keys(spec.filters).length) notes.push(`Filtered: ${Object.entries(spec.filters).map(([q, v]) => `${q} = ${v.join(" or ")}`).join("; ")}.`);
  return notes;
}
