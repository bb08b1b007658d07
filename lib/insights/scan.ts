/**
 * Auto-insights: which segment differences in an outcome share are worth a look.
 *
 * For every question that can split respondents into groups (`canBeSegment`, not the outcome, a
 * filter or the weight) one crosstab is run through the injected runner. Its tests form one
 * family: the question's chi-square of segment × (category / other) — Rao–Scott F when weighted,
 * Pearson when not — and every pairwise segment comparison (design-based z when weighted, pooled
 * z when not). Pairs involving a segment with a Kish effective base below `minEffectiveN`, a
 * suppressed segment or no estimate are left out of the family. Benjamini–Hochberg controls the
 * false discovery rate at `q` across the whole family; a pair is a finding when its q-value is
 * ≤ q. Findings are ranked by the absolute difference in percentage points. Pairs that are
 * nominally significant (p ≤ q) but do not survive the correction come back as `candidates`
 * (strongest evidence first), clearly not findings: worth a look, nothing more.
 *
 * Pure apart from the runner: no store, no I/O.
 */
import { canBeSegment, type QuestionLite } from "@/lib/analysis/question-roles";
import { serializeBreakdownState, type BreakdownState } from "@/lib/analysis/breakdown-state";
import type { CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import { adjustBH } from "@/lib/models/fdr";
import { defaultOutcomeName, phraseFinding } from "./phrase";
import type { InsightFinding, InsightScan, TestedQuestion } from "./types";

type Num = number | null | undefined;

/** The slice of a proportion crosstab result (`runCrosstab`) the scan reads. */
export interface ScanCrosstabResult {
  statistic: "proportion";
  segments: {
    segment: string;
    /** null when small-cell protection hid the cell */
    n: number | null;
    n_eff_kish: Num;
    suppressed?: boolean;
    unweighted: { p: Num } | null;
    weighted: { p: Num } | null;
  }[];
  pairwise: {
    a: string;
    b: string;
    n_a: number;
    n_b: number;
    unweighted: { diff: Num; p_value_pooled: Num } | null;
    weighted: { diff: Num; p_value_z: Num } | null;
  }[];
  chisq: {
    binary: {
      unweighted: { p_value: Num } | null;
      weighted: { rao_scott_f: { p_value: Num } } | null;
    } | null;
  } | null;
}

/** Runs one crosstab (e.g. `(spec) => runCrosstab(store, dataset, spec)`). */
export type CrosstabRunner = (spec: CrosstabSpecInput) => Promise<ScanCrosstabResult | { statistic: "mean" }>;

export interface ScanOptions {
  outcome: string;
  outcome_category: string;
  weight?: string;
  filters?: Record<string, string[]>;
  /** FDR level (default 0.05) */
  q?: number;
  /** smallest Kish effective base a compared segment needs (default 30) */
  minEffectiveN?: number;
  /** short outcome name for the sentences (default "<outcome id in words> = <category>") */
  outcomeLabel?: string;
  /** how many near misses to return (default 5) */
  maxCandidates?: number;
}

const finite = (x: Num): x is number => typeof x === "number" && Number.isFinite(x);

interface PairTest {
  question: QuestionLite;
  a: string;
  b: string;
  pa: number;
  pb: number;
  n_a: number;
  n_b: number;
  neff_a: number;
  neff_b: number;
  p: number;
}

interface QuestionTests {
  question: QuestionLite;
  tested: TestedQuestion;
  chisqIndex: number | null;
  pairs: { test: PairTest; index: number }[];
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Segment questions to scan: splitting questions other than the outcome, the weight and the filters. */
export function scanCandidates(questions: readonly QuestionLite[], opts: Pick<ScanOptions, "outcome" | "weight" | "filters">): QuestionLite[] {
  const excluded = new Set([opts.outcome, ...(opts.weight ? [opts.weight] : []), ...Object.keys(opts.filters ?? {})]);
  return questions.filter((q) => canBeSegment(q) && !excluded.has(q.id));
}

/**
 * Scan every segment question for differences in the share of `outcome_category`.
 *
 * @example
 * await scanInsights(questions, (spec) => runCrosstab(store, dataset, spec), {
 *   outcome: "rolled_back", outcome_category: "Yes", weight: "weight", filters: { agent_status: ["Live in production"] },
 * }) // { findings: [{ text: "Fully mature: rolled back = Yes 81% vs 62% for Early, +19 pts, p = 0.007, n = 448", … }], candidates, tested, fdr }
 */
export async function scanInsights(questions: readonly QuestionLite[], runCrosstab: CrosstabRunner, opts: ScanOptions): Promise<InsightScan> {
  const q = opts.q ?? 0.05;
  if (!(q > 0 && q < 1)) throw new RangeError(`fdr level outside (0, 1): ${q}`);
  const minEff = opts.minEffectiveN ?? 30;
  const filters = opts.filters ?? {};
  const weighted = Boolean(opts.weight);
  const maxCandidates = opts.maxCandidates ?? 5;
  const outcomeName = opts.outcomeLabel ?? defaultOutcomeName(opts.outcome, opts.outcome_category);

  const pValues: (number | null)[] = [];
  const perQuestion: QuestionTests[] = [];

  for (const question of scanCandidates(questions, opts)) {
    const tested: TestedQuestion = { question: question.id, label: question.label, status: "no_test", p_value: null, q_value: null, pairs_tested: 0, pairs_skipped: 0, findings: 0 };
    const entry: QuestionTests = { question, tested, chisqIndex: null, pairs: [] };
    perQuestion.push(entry);
    let result: ScanCrosstabResult | { statistic: "mean" };
    try {
      result = await runCrosstab({
        outcome: opts.outcome,
        statistic: "proportion",
        outcome_category: opts.outcome_category,
        segment: question.id,
        ...(opts.weight ? { weight: opts.weight } : {}),
        filters,
      });
    } catch (err) {
      tested.status = "error";
      tested.message = errorMessage(err);
      continue;
    }
    if (result.statistic !== "proportion") {
      tested.message = "not a proportion";
      continue;
    }
    const bin = result.chisq?.binary ?? null;
    const chiP = weighted ? bin?.weighted?.rao_scott_f.p_value : bin?.unweighted?.p_value;
    if (finite(chiP)) {
      tested.p_value = chiP;
      entry.chisqIndex = pValues.push(chiP) - 1;
    }
    const seg = new Map(result.segments.map((s) => [s.segment, s]));
    const usable = (code: string) => {
      const s = seg.get(code);
      if (!s || s.suppressed || s.n === null) return null;
      const p = weighted ? s.weighted?.p : s.unweighted?.p;
      const neff = finite(s.n_eff_kish) ? s.n_eff_kish : s.n;
      if (!finite(p) || neff < minEff) return null;
      return { p, n: s.n, neff };
    };
    for (const pair of result.pairwise) {
      const a = usable(pair.a);
      const b = usable(pair.b);
      const p = weighted ? pair.weighted?.p_value_z : pair.unweighted?.p_value_pooled;
      if (!a || !b || !finite(p)) {
        tested.pairs_skipped++;
        continue;
      }
      const test: PairTest = { question, a: pair.a, b: pair.b, pa: a.p, pb: b.p, n_a: a.n, n_b: b.n, neff_a: a.neff, neff_b: b.neff, p };
      entry.pairs.push({ test, index: pValues.push(p) - 1 });
      tested.pairs_tested++;
    }
    if (entry.chisqIndex !== null || entry.pairs.length > 0) tested.status = "tested";
    else tested.message ??= `no segment has an effective base of ${minEff} or more`;
  }

  const adjusted = adjustBH(pValues);
  const labelOf = (question: QuestionLite, code: string) => question.options.find((o) => o.code === code)?.label ?? code;
  const findings: InsightFinding[] = [];
  const candidates: InsightFinding[] = [];
  for (const entry of perQuestion) {
    const chiQ = entry.chisqIndex === null ? null : adjusted[entry.chisqIndex];
    entry.tested.q_value = chiQ;
    for (const { test, index } of entry.pairs) {
      const qv = adjusted[index];
      if (qv === null || test.p > q) continue;
      const significant = qv <= q;
      const aHigh = test.pa >= test.pb;
      const [high, low] = aHigh ? [test.a, test.b] : [test.b, test.a];
      const [pHigh, pLow] = aHigh ? [test.pa, test.pb] : [test.pb, test.pa];
      const [nHigh, nLow] = aHigh ? [test.n_a, test.n_b] : [test.n_b, test.n_a];
      const [effHigh, effLow] = aHigh ? [test.neff_a, test.neff_b] : [test.neff_b, test.neff_a];
      const breakdown: BreakdownState = {
        outcome: opts.outcome,
        category: opts.outcome_category,
        segment: entry.question.id,
        ...(opts.weight ? { weight: opts.weight } : {}),
        filters,
      };
      const highLabel = labelOf(entry.question, high);
      const lowLabel = labelOf(entry.question, low);
      (significant ? findings : candidates).push({
        id: `${entry.question.id}:${high}:${low}`,
        question: entry.question.id,
        question_label: entry.question.label,
        high,
        high_label: highLabel,
        low,
        low_label: lowLabel,
        p_high: pHigh,
        p_low: pLow,
        diff_pts: (pHigh - pLow) * 100,
        n_high: nHigh,
        n_low: nLow,
        n_eff_high: effHigh,
        n_eff_low: effLow,
        p_value: test.p,
        q_value: qv,
        association: { p_value: entry.tested.p_value, q_value: chiQ },
        significant,
        text: phraseFinding({ high: highLabel, low: lowLabel, outcome: outcomeName, p_high: pHigh, p_low: pLow, p_value: test.p, n: nHigh }),
        breakdown,
        query: serializeBreakdownState(breakdown).toString(),
      });
      if (significant) entry.tested.findings++;
    }
  }
  findings.sort((x, y) => y.diff_pts - x.diff_pts || x.q_value - y.q_value || (x.id < y.id ? -1 : 1));
  candidates.sort((x, y) => x.p_value - y.p_value || y.diff_pts - x.diff_pts || (x.id < y.id ? -1 : 1));
  const rejected = adjusted.filter((v) => v !== null && v <= q).length;
  return {
    findings,
    candidates: candidates.slice(0, maxCandidates),
    tested: perQuestion.map((e) => e.tested),
    fdr: { method: "BH", q, m: pValues.length, rejected, min_effective_n: minEff, weighted },
  };
}
