/**
 * Which of our questions measures what a published figure measures: every answer (and top-2 /
 * bottom-2 box of a scale) of every categorical question, and every numeric question, ranked by
 * how well its wording covers the figure's definition, with the kind (share or mean) checked and
 * a segment level proposed when the figure is about a group our data has (a country, an industry,
 * a maturity level). Pure: the question models come in, ranked suggestions go out.
 */
import { contentWords, coverage, idfWeights, negative, similarity, type Weights } from "./text-match";
import { splitDefinition } from "./benchmark-base";

/** What a published figure measures: a share of respondents, or a mean / total of a number. */
export type MeasureKind = "share" | "mean";

/** The parts of a published figure the matcher reads. */
export interface FigureDefinition {
  label: string;
  base: string;
  /** "share" or another unit (hours, days, usd, count, correlation) */
  unit: string;
}

/** A question as the matcher sees it (no respondent data: wording and answer labels only). */
export interface MatchQuestion {
  id: string;
  label: string;
  type: string;
  options: { code: string; label: string }[];
}

export interface MatchDataset {
  id: string;
  name: string;
  questions: MatchQuestion[];
}

/** strong: suggest by default; possible: list but do not pick; weak: warn (the API refuses it without an acknowledgement). */
export type MatchStrength = "strong" | "possible" | "weak";

export const STRONG_MATCH = 0.7;
export const POSSIBLE_MATCH = 0.4;

export interface MatchSuggestion {
  datasetId: string;
  outcome: string;
  /** one answer code, or the codes of a NET (top-2 box) */
  category: string | string[] | null;
  kind: MeasureKind;
  /** wording similarity, 0–1 */
  score: number;
  strength: MatchStrength;
  /** "Question text — Answer", for display */
  text: string;
  /** a segment level the figure is about (e.g. Brazil), when the dataset has one */
  segment: string | null;
  column: string;
}

export const figureKind = (unit: string): MeasureKind | null => (unit === "share" ? "share" : unit === "correlation" ? null : "mean");

export const strengthOf = (score: number): MatchStrength => (score >= STRONG_MATCH ? "strong" : score >= POSSIBLE_MATCH ? "possible" : "weak");

/** Words every question of this domain shares: a definition made only of these cannot be strongly matched. */
const COMMON = new Set(["ai", "agent", "roll", "average", "total", "number"]);

/**
 * The wording score of one reading: similarity of the definition with question + answer (+ the
 * segment level it names), × 0.85 when the answer's polarity differs from the definition's
 * ("No" for "Believe controls could stop …"), × 0.5 for the other kind, and capped below strong
 * when the definition has fewer than two distinctive words ("Rollback rate").
 */
export function readingScore(wording: string, candidate: string, answer: string, sameKind: boolean, weights: Weights): number {
  let score = similarity(wording, candidate, weights);
  if (answer && negative(answer) !== negative(wording)) score *= 0.85;
  if (!sameKind) score *= 0.5;
  const distinctive = contentWords(wording).filter((w) => !COMMON.has(w)).length;
  return distinctive < 2 ? Math.min(score, STRONG_MATCH - 0.01) : score;
}

const CATEGORICAL = new Set(["single", "ordinal", "multi"]);
const NUMERIC = new Set(["numeric"]);

/** The answers a share can be read from: each option, and for a scale of 4+ points its top-2 and bottom-2 boxes. */
export function answerChoices(q: MatchQuestion): { category: string | string[]; label: string }[] {
  const one = q.options.map((o) => ({ category: o.code, label: o.label }));
  if (q.type !== "ordinal" || q.options.length < 4) return one;
  const [a, b] = q.options.slice(0, 2);
  const [y, z] = q.options.slice(-2);
  return [...one, { category: [a.code, b.code], label: `${a.label} or ${b.label}` }, { category: [y.code, z.code], label: `${y.label} or ${z.label}` }];
}

/** Text of a question without its "(asked of …)" / "(select all that apply)" notes. */
export const questionWording = (label: string) => label.replace(/\([^)]*\)/g, " ").trim();

/** The IDF weights of a set of datasets' question and answer texts. */
export function corpusWeights(datasets: readonly MatchDataset[]): Weights {
  // one document per question (its wording and answers), so a word in every question weighs little
  return idfWeights(datasets.flatMap((d) => d.questions.map((q) => [questionWording(q.label), ...q.options.map((o) => o.label)].join(" "))));
}

/** A segment level the figure names (a country, an industry, a maturity level), longest name first. */
function segmentLevel(definition: string, d: MatchDataset, outcome: string): { segment: string; column: string } | null {
  const words = new Set(contentWords(definition));
  let best: { segment: string; column: string; size: number } | null = null;
  for (const q of d.questions) {
    if (q.id === outcome || (q.type !== "single" && q.type !== "ordinal") || q.options.length > 30) continue;
    for (const o of q.options) {
      const w = contentWords(o.label);
      if (w.length && w.every((x) => words.has(x)) && (!best || w.length > best.size)) best = { segment: q.id, column: o.code, size: w.length };
    }
  }
  return best ? { segment: best.segment, column: best.column } : null;
}

/**
 * Every candidate reading in `datasets`, best first (ties: the order of the datasets and questions).
 *
 * @example
 * const [top] = rankMatches({ label: "Rolled back an AI agent", base: "All respondents", unit: "share" }, datasets);
 * top.outcome // "rolled_back"; top.category // "Yes"; top.strength // "strong"
 */
export function rankMatches(figure: FigureDefinition, datasets: readonly MatchDataset[], weights: Weights = corpusWeights(datasets)): MatchSuggestion[] {
  const kind = figureKind(figure.unit);
  const { wording, base } = splitDefinition(figure.label, figure.base);
  const out: (MatchSuggestion & { tie: number })[] = [];
  for (const d of datasets) {
    for (const q of d.questions) {
      const qText = questionWording(q.label);
      const lv = segmentLevel(`${figure.label} ${base}`, d, q.id);
      // the level read ("Brazil") covers the figure's "Brazil: …" as much as the question does
      const levelText = lv ? (d.questions.find((x) => x.id === lv.segment)?.options.find((o) => o.code === lv.column)?.label ?? "") : "";
      const where = { segment: lv?.segment ?? null, column: lv?.column ?? "Total" };
      if (CATEGORICAL.has(q.type) && q.options.length) {
        for (const a of answerChoices(q)) {
          // "Yes" / "No" add nothing to the wording; a substantive answer ("Lack of auditability") does
          const score = readingScore(wording, `${qText} ${a.label} ${levelText}`, a.label, kind === "share", weights);
          const tie = coverage(contentWords(a.label), contentWords(wording), () => 1) * contentWords(a.label).length;
          out.push({ datasetId: d.id, outcome: q.id, category: a.category, kind: "share", score, strength: strengthOf(score), text: `${qText} — ${a.label}`, ...where, tie });
        }
      } else if (NUMERIC.has(q.type)) {
        const score = readingScore(wording, `${qText} ${levelText}`, "", kind === "mean", weights);
        out.push({ datasetId: d.id, outcome: q.id, category: null, kind: "mean", score, strength: strengthOf(score), text: qText, ...where, tie: 0 });
      }
    }
  }
  // ties: the reading whose answer names more of the definition ("Essential or very important"), then data order
  const rounded = out.map((s, i) => ({ s: { ...s, score: Math.round(s.score * 1000) / 1000 }, i }));
  return rounded.sort((a, b) => b.s.score - a.s.score || b.s.tie - a.s.tie || a.i - b.i).map(({ s: { tie: _t, ...s } }) => s);
}

/**
 * The suggestions to show: the best few readings of the figure's kind that are at least possible,
 * one per question (its best answer).
 */
export function suggestMatches(figure: FigureDefinition, datasets: readonly MatchDataset[], limit = 3): MatchSuggestion[] {
  const kind = figureKind(figure.unit);
  const seen = new Set<string>();
  const out: MatchSuggestion[] = [];
  for (const s of rankMatches(figure, datasets)) {
    const key = `${s.datasetId}\u0000${s.outcome}`;
    if (s.kind !== kind || s.strength === "weak" || seen.has(key)) continue;
    seen.add(key);
    out.push(s);
    if (out.length >= limit) break;
  }
  return out;
}

/** The reading to preselect: the best suggestion only when it is a strong match, else none. */
export function defaultMatch(figure: FigureDefinition, datasets: readonly MatchDataset[]): MatchSuggestion | null {
  const [top] = suggestMatches(figure, datasets, 1);
  return top && top.strength === "strong" ? top : null;
}
