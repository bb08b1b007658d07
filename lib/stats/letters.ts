/**
 * Significance letters for a crosstab row: each segment column gets a letter (A, B, C, …) and
 * shows the letters of the columns it is significantly HIGHER than — uppercase at the stricter
 * level (default p < 0.01), lowercase at the looser one (default p < 0.05) — after an optional
 * multiple-comparison correction across all pairs of the table.
 */
import type { CrosstabResult } from "@/lib/schema/crosstab-result";
import { isLowBase } from "./low-base";
import { adjustPValues, type Correction } from "./multiple-comparisons";

/** Which pairwise test drives the letters. */
export type LetterTest = "weighted_z" | "svyttest" | "unweighted";

export interface LetterOptions {
  /** uppercase letter when the (adjusted) p is below this; default 0.01 */
  upper?: number;
  /** lowercase letter when the (adjusted) p is below this; default 0.05 */
  lower?: number;
  /** default "weighted_z" */
  test?: LetterTest;
  /** across the pairs of the table; default "none" */
  correction?: Correction;
  /** column order (default: the result's segment order) */
  columns?: string[];
  /** pairs involving a column with a smaller effective n are not tested (default: test all) */
  minEffectiveN?: number;
}

/** Why a column carries a letter. */
export interface LetterExplanation {
  /** the letter as shown ("B" or "b") */
  letter: string;
  /** the column this one is higher than */
  versus: string;
  strength: "upper" | "lower";
  test: LetterTest;
  /** z or t, oriented so that positive = this column higher */
  statistic: number;
  df: number | null;
  p: number;
  adjusted_p: number;
  correction: Correction;
  /** effective n of this column and of the other one (Kish; plain n for the unweighted test) */
  n_eff: number | null;
  n_eff_versus: number | null;
  /** estimate of this column minus the other one */
  diff: number | null;
}

/** Letters of one column. */
export interface ColumnLetters {
  segment: string;
  /** this column's own letter */
  column_letter: string;
  /** e.g. "Bc" */
  text: string;
  marks: LetterExplanation[];
}

/**
 * Column letter for a 0-based index: A…Z, AA, AB, …
 * @example columnLetter(27) // "AB"
 */
export function columnLetter(index: number): string {
  let s = "";
  let i = index + 1;
  while (i > 0) {
    const r = (i - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    i = Math.floor((i - 1) / 26);
  }
  return s;
}

interface PairTest {
  a: string;
  b: string;
  stat: number | null;
  df: number | null;
  p: number | null;
  diff: number | null;
}

function pairTest(pair: CrosstabResult["pairwise"][number], test: LetterTest): PairTest {
  const base = { a: pair.a, b: pair.b };
  const w = pair.weighted;
  const u = pair.unweighted;
  if (test === "weighted_z") return { ...base, stat: w?.z ?? null, df: null, p: w?.p_value_z ?? null, diff: w?.diff ?? null };
  if (test === "svyttest") return { ...base, stat: w?.svyttest?.t ?? null, df: w?.svyttest?.df ?? null, p: w?.svyttest?.p_value ?? null, diff: w?.diff ?? null };
  if (u === null) return { ...base, stat: null, df: null, p: null, diff: null };
  if ("z_pooled" in u) return { ...base, stat: u.z_pooled as number | null, df: null, p: u.p_value_pooled as number | null, diff: u.diff };
  const welch = "welch" in u ? (u.welch as { t: number | null; df: number | null; p_value: number | null } | null) : null;
  return { ...base, stat: welch?.t ?? null, df: welch?.df ?? null, p: welch?.p_value ?? null, diff: u.diff };
}

/**
 * Assign significance letters to the segment columns of a crosstab.
 * @example assignLetters(result, { test: "svyttest", correction: "holm" }).map((c) => c.text)
 */
export function assignLetters(result: Pick<CrosstabResult, "pairwise" | "segments">, options: LetterOptions = {}): ColumnLetters[] {
  const upper = options.upper ?? 0.01;
  const lower = options.lower ?? 0.05;
  const test = options.test ?? "weighted_z";
  const correction = options.correction ?? "none";
  if (!(upper > 0 && upper <= lower && lower < 1)) throw new Error(`significance levels: upper ${upper}, lower ${lower}`);
  const columns = options.columns ?? result.segments.map((s) => s.segment);
  const letterOf = new Map(columns.map((c, i) => [c, columnLetter(i)]));
  const seg = new Map(result.segments.map((s) => [s.segment, s]));
  const nEff = (s: string): number | null => {
    const block = seg.get(s);
    if (block === undefined) return null;
    return test === "unweighted" ? (block.n > 0 ? block.n : null) : block.n_eff_kish;
  };
  const eligible = (s: string) => letterOf.has(s) && (options.minEffectiveN === undefined || !isLowBase(nEff(s), options.minEffectiveN));
  const tests = result.pairwise.map((p) => pairTest(p, test)).map((t) => (eligible(t.a) && eligible(t.b) && t.stat !== null ? t : { ...t, p: null }));
  const adjusted = adjustPValues(tests.map((t) => t.p), correction);

  const marks = new Map<string, LetterExplanation[]>(columns.map((c) => [c, []]));
  tests.forEach((t, i) => {
    const adj = adjusted[i];
    if (adj === null || t.p === null || t.stat === null || t.stat === 0 || !(adj < lower)) return;
    const [hi, lo, sign] = t.stat > 0 ? [t.a, t.b, 1] : [t.b, t.a, -1];
    const strength = adj < upper ? "upper" : "lower";
    const letter = letterOf.get(lo)!;
    marks.get(hi)!.push({
      letter: strength === "upper" ? letter : letter.toLowerCase(),
      versus: lo,
      strength,
      test,
      statistic: sign * t.stat,
      df: t.df,
      p: t.p,
      adjusted_p: adj,
      correction,
      n_eff: nEff(hi),
      n_eff_versus: nEff(lo),
      diff: t.diff === null ? null : sign * t.diff,
    });
  });
  return columns.map((c) => {
    const m = (marks.get(c) ?? []).sort((x, y) => columns.indexOf(x.versus) - columns.indexOf(y.versus));
    return { segment: c, column_letter: letterOf.get(c)!, text: m.map((x) => x.letter).join(""), marks: m };
  });
}
