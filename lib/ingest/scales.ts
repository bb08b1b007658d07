/** Recognising ordered answer scales from their labels (Likert, frequency, quality, numbered). */

const OFF_SCALE =
  /(don'?t know|do not know|not sure|prefer not|rather not|no opinion|not applicable|n\/a|don'?t do this|refused|no answer|does ?n[o']t apply|skip)/i;

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

const FIXED: Map<string, number>[] = [
  new Map([
    ["never", 0],
    ["almost never", 0.5],
    ["rarely", 1],
    ["seldom", 1],
    ["occasionally", 1.5],
    ["sometimes", 2],
    ["often", 3],
    ["very often", 3.5],
    ["frequently", 3.5],
    ["almost always", 3.7],
    ["always", 4],
  ]),
  new Map([
    ["very poor", 0],
    ["poor", 1],
    ["fair", 2],
    ["average", 2],
    ["good", 3],
    ["very good", 4],
    ["excellent", 5],
  ]),
];

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

function fixedScores(labels: string[]): Map<string, number> | null {
  for (const table of FIXED) {
    const scores = new Map<string, number>();
    for (const l of labels) {
      const v = table.get(norm(l));
      if (v === undefined) break;
      scores.set(l, v);
    }
    if (scores.size === labels.length) return scores;
  }
  return null;
}

function numberedScores(labels: string[]): Map<string, number> | null {
  const scores = new Map<string, number>();
  for (const l of labels) {
    const m = /^\(?(-?\d{1,2})\)?\s*[-.:=)]?\s+(?=.*\p{L})/u.exec(l);
    if (!m) return null;
    scores.set(l, Number(m[1]));
  }
  return scores;
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
  const off = labels.filter((l) => OFF_SCALE.test(l));
  const on = labels.filter((l) => !OFF_SCALE.test(l));
  if (on.length < 3 || off.length > 3) return null;
  const scores = numberedScores(on) ?? fixedScores(on) ?? polarScores(on);
  if (!scores) return null;
  if (new Set(scores.values()).size !== on.length) return null;
  return [...on].sort((a, b) => scores.get(a)! - scores.get(b)!).concat(off);
}
