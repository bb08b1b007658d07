/** Recognising ordered answer scales from their labels (Likert, frequency, quality, numbered, bands). */
import type { OrderBasis } from "@/lib/schema/question";
import { isNonSubstantive } from "./non-substantive";
import { bandKey, frequencyKey } from "./scale-ranges";
import { vocabularyScores } from "./scale-vocabulary";

/** answers that are on no scale: non-substantive ones, and a few "does not concern me" wordings */
const OFF_SCALE = /(don'?t do this|does ?n[o']t apply|^skip$|^other$)/i;
const isOffScale = (l: string) => isNonSubstantive(l) || OFF_SCALE.test(l.trim());

const MODIFIERS: [string, number][] = [
  ["not at all ", -4],
  ["not very ", -2],
  ["not so ", -2],
  ["not too ", -2],
  ["not ", -2],
  ["extremely ", 4],
  ["completely ", 4],
  ["totally ", 4],
  ["strongly ", 3],
  ["very ", 3],
  ["mostly ", 1.5],
  ["fairly ", 1.5],
  ["moderately ", 1.5],
  ["somewhat ", 1],
  ["slightly ", 1],
  ["a little ", 0.5],
];
const NEGATING_PREFIXES = ["dis", "un", "in", "im", "ir"];

const norm = (s: string) => s.trim().toLowerCase().replace(/[.!]+$/, "").replace(/\s+/g, " ");
const stemKey = (s: string) => s.slice(0, 7);

interface Parsed {
  stem: string;
  intensity: number;
}

function parsePolar(label: string): Parsed | null {
  const l = norm(label);
  const neither = /^neither (.+?) nor (.+)$/.exec(l);
  if (neither) return { stem: neither[1], intensity: 0 };
  if (l === "neutral") return { stem: "", intensity: 0 };
  for (const [prefix, value] of MODIFIERS) if (l.startsWith(prefix)) return { stem: l.slice(prefix.length), intensity: value };
  return /^[\p{L}' -]+$/u.test(l) ? { stem: l, intensity: 2 } : null;
}

function polarScores(labels: string[]): Map<string, number> | null {
  const parsed = labels.map((l) => [l, parsePolar(l)] as const);
  if (parsed.some(([, p]) => !p)) return null;
  const stems = parsed.map(([, p]) => p!.stem).filter((s) => s);
  if (!stems.length) return null;
  const positive = stems.reduce((a, b) => (b.length < a.length ? b : a));
  const scores = new Map<string, number>();
  for (const [label, p] of parsed) {
    if (!p) return null;
    let sign = 0;
    if (!p.stem || p.intensity === 0) sign = 1;
    else if (stemKey(p.stem) === stemKey(positive)) sign = 1;
    else if (NEGATING_PREFIXES.some((x) => p.stem.startsWith(x) && stemKey(p.stem.slice(x.length)) === stemKey(positive))) sign = -1;
    if (!sign) return null;
    const neg = p.intensity < 0;
    scores.set(label, sign === -1 && !neg ? -p.intensity : p.intensity);
  }
  return scores;
}

/** `1 - Strongly disagree`, `0 (Not at all likely)`, `10`, `5 = Neutral`: a leading number orders the label */
function numberedScores(labels: string[]): Map<string, number> | null {
  const scores = new Map<string, number>();
  let worded = 0;
  for (const l of labels) {
    const m = /^\(?(-?\d{1,3})\)?(?:$|\s*[-.:=)]?\s+(\S.*)$|\s*[-.:=)(]\s*(\S.*)$)/u.exec(l.trim());
    if (!m) return null;
    const rest = m[2] ?? m[3];
    // `18-24` is a band, `3.5` a number: left to the band reader and the numeric rules
    if (rest !== undefined && !/\p{L}/u.test(rest)) return null;
    if (rest !== undefined) worded++;
    scores.set(l, Number(m[1]));
  }
  return worded ? scores : null;
}

function keyed(labels: string[], key: (l: string) => number | null): Map<string, number> | null {
  const scores = new Map<string, number>();
  for (const l of labels) {
    const k = key(l);
    if (k === null) return null;
    scores.set(l, k);
  }
  return scores;
}

/** LimeSurvey answer codes (`A1`…`A10`, `D4`, `SQ001`): one letter prefix, ordered by the number */
function codeScores(labels: string[]): Map<string, number> | null {
  let prefix: string | null = null;
  const scores = new Map<string, number>();
  for (const l of labels) {
    const m = /^([A-Za-z]{1,4})(\d{1,4})$/.exec(l.trim());
    if (!m || (prefix !== null && m[1] !== prefix)) return null;
    prefix = m[1];
    scores.set(l, Number(m[2]));
  }
  return scores;
}

/** An inferred option order and how it was found. */
export interface InferredOrder {
  /** the on-scale labels, low → high */
  order: string[];
  /** labels on no scale ("Don't know", "Other"), in their given order */
  off: string[];
  basis: Exclude<OrderBasis, "frequency-fallback">;
}

/**
 * How a set of answer labels is ordered, when it is: numbered labels (`1 - Poor`), bands (`18-24`,
 * `Under 18`, `$100,000 or more`, ordered by their lower bound), known scale wordings in English,
 * German, French and Spanish, frequencies (`Once a year or less` … `Every night`), English
 * modifier scales (`Somewhat likely`), else LimeSurvey-style codes (`A1`…`A9`: basis "codes").
 * Off-scale answers ("Don't know", "Not applicable", …) are set apart. Null when unordered.
 *
 * @example
 * inferOrder(["25-34", "18-24", "65+", "Prefer not to say"]);
 * // { order: ["18-24", "25-34", "65+"], off: ["Prefer not to say"], basis: "range" }
 */
export function inferOrder(labels: string[]): InferredOrder | null {
  const off = labels.filter(isOffScale);
  const on = labels.filter((l) => !isOffScale(l));
  if (on.length < 2 || off.length > 4) return null;
  const tries: [InferredOrder["basis"], () => Map<string, number> | null, number][] = [
    ["numeric", () => numberedScores(on), 3],
    ["range", () => keyed(on, bandKey), 3],
    ["vocabulary", () => vocabularyScores(on), 3],
    ["vocabulary", () => keyed(on, frequencyKey), 3],
    ["vocabulary", () => polarScores(on), 3],
    ["codes", () => codeScores(on), 3],
  ];
  for (const [basis, scoresOf, min] of tries) {
    if (on.length < min) continue;
    const scores = scoresOf();
    if (!scores || new Set(scores.values()).size !== on.length) continue;
    return { order: [...on].sort((a, b) => scores.get(a)! - scores.get(b)!), off, basis };
  }
  return null;
}

/**
 * Labels in scale order (low → high) when they form a recognised ordered scale, with off-scale
 * answers ("Don't know", "Not applicable", …) kept at the end; null otherwise.
 *
 * @example
 * scaleOrder(["Agree", "Strongly disagree", "Neither agree nor disagree", "Disagree", "Strongly agree"]);
 * // ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
 */
export function scaleOrder(labels: string[]): string[] | null {
  const inferred = inferOrder(labels);
  return inferred ? [...inferred.order, ...inferred.off] : null;
}
