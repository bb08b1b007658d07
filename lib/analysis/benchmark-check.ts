/**
 * Before a published figure is compared with one of our estimates: is it the same kind of number
 * (a share with a share), does the question's wording cover the figure's definition, and were the
 * same people asked? A different kind, or a weak wording match not acknowledged, is refused with
 * the mismatch named; a partial match or a different base becomes a warning shown with the result.
 * Reads wording and labels only, never respondent data.
 */
import { baseMismatch, describeOwnBase, splitDefinition, type OwnBase } from "./benchmark-base";
import {
  POSSIBLE_MATCH,
  corpusWeights,
  figureKind,
  questionWording,
  readingScore,
  strengthOf,
  suggestMatches,
  type FigureDefinition,
  type MatchDataset,
  type MatchStrength,
  type MeasureKind,
} from "./benchmark-match";

/** The reading asked for: which answer of which question, in which column, within which filters. */
export interface ComparisonSelection {
  outcome: string;
  category: string | string[];
  segment: string;
  column: string;
  filters: Record<string, string[]>;
}

export interface MatchCheck {
  /** wording similarity 0–1 (null when the question is not in the dataset) */
  score: number | null;
  strength: MatchStrength;
  figure_kind: MeasureKind | null;
  own_kind: MeasureKind;
  /** the published base and ours, in words */
  bases: { published: string; own: string };
  warnings: string[];
  /** why the comparison is refused, or null */
  refusal: string | null;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Our base in words, from the question model (labels, never data). */
export function ownBase(d: MatchDataset, sel: ComparisonSelection): OwnBase {
  const label = (id: string) => d.questions.find((q) => q.id === id)?.label ?? id;
  const optionLabel = (qid: string, code: string) => d.questions.find((q) => q.id === qid)?.options.find((o) => o.code === code)?.label ?? code;
  return {
    questionLabel: label(sel.outcome),
    filters: Object.entries(sel.filters)
      .filter(([, v]) => v.length)
      .map(([q, v]) => ({ question: label(q), values: v.map((c) => optionLabel(q, c)) })),
    column: sel.column === "Total" ? null : { question: label(sel.segment), level: optionLabel(sel.segment, sel.column) },
  };
}

/**
 * The check of one selection against one figure.
 *
 * @example
 * checkComparison(sinchRollback, dataset, { outcome: "department", category: "Sales", segment: "role", column: "Total", filters: {} }, false).refusal
 * // "Weak match: … shares little wording with question department (match 4%) …"
 */
export function checkComparison(figure: FigureDefinition & { id: string }, d: MatchDataset, sel: ComparisonSelection, acknowledged: boolean): MatchCheck {
  const q = d.questions.find((x) => x.id === sel.outcome);
  const theirs = figureKind(figure.unit);
  const own: MeasureKind = q?.type === "numeric" ? "mean" : "share";
  const { wording, base } = splitDefinition(figure.label, figure.base);
  const ob = ownBase(d, sel);
  const mismatch = baseMismatch(base, ob);
  const bases = { published: base, own: describeOwnBase(ob) };
  const result = (score: number | null, warnings: string[], refusal: string | null): MatchCheck => ({
    score: score === null ? null : Math.round(score * 1000) / 1000,
    strength: score === null ? "weak" : strengthOf(score),
    figure_kind: theirs,
    own_kind: own,
    bases,
    warnings,
    refusal,
  });
  if (!q) return result(null, [], null);
  if (theirs === null) return result(null, [], `Different kind: ${figure.id} is a correlation, which cannot be compared with a share of respondents.`);
  if (theirs !== own) {
    const what = (k: MeasureKind) => (k === "share" ? "a share of respondents" : "a mean of a number");
    return result(null, [], `Different kind: ${figure.id} is ${what(theirs)} (${figure.unit}) but question ${q.id} gives ${what(own)}; compare like with like.`);
  }
  const categories = Array.isArray(sel.category) ? sel.category : [sel.category];
  const answer = categories.map((c) => q.options.find((o) => o.code === c)?.label ?? "").join(" or ");
  const level = ob.column?.level ?? "";
  const score = readingScore(wording, `${questionWording(q.label)} ${answer} ${level}`, answer, true, corpusWeights([d]));
  const warnings: string[] = [];
  let refusal: string | null = null;
  if (score < POSSIBLE_MATCH) {
    const closest = suggestMatches(figure, [d], 3)
      .map((s) => `${s.outcome}${typeof s.category === "string" ? ` = ${s.category}` : ""}`)
      .join(", ");
    const text = `Weak match: "${figure.label}" shares little wording with question ${q.id} (match ${pct(score)}), so they probably measure different things.`;
    if (acknowledged) warnings.push(text);
    else refusal = `${text} ${closest ? `Closest questions: ${closest}.` : "No question of this dataset matches it."} Send acknowledgeMismatch: true to compare anyway.`;
  } else if (strengthOf(score) === "possible") {
    warnings.push(`Partial wording match (${pct(score)}): check that question ${q.id} measures what "${figure.label}" measures.`);
  }
  if (mismatch) warnings.push(mismatch);
  return result(score, warnings, refusal);
}
