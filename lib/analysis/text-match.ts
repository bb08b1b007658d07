/**
 * Wording similarity for short survey texts (question wording, answer labels, a published
 * figure's definition): content words reduced to a crude stem, weighted by how rare they are in
 * the candidate texts (IDF), scored as the share of one text's weight the other covers.
 */

const STOP = new Set(
  (
    "a an the and or of to in on for at by with from as is are was were be been being it its this that these those there their them they we our you your " +
    "i my me do does did have has had having not no yes any all each every some such than then so if whether which what who whom how when where why " +
    "can could would will should may might must one ones per into out over under about more most less least very just also only other same own " +
    "organisation organization company companies enterprise firm business respondent respondents share rate percent percentage proportion " +
    "say said report reporting back think believe currently current now still ever"
  ).split(" "),
);

/** Domain words that name the same thing (checked after stemming). */
const SYNONYMS: Record<string, string> = {
  rollback: "roll",
  rolled: "roll",
  revert: "roll",
  reverted: "roll",
  shipped: "deploy",
  ship: "deploy",
  deployed: "deploy",
  deployment: "deploy",
  deploying: "deploy",
  organisations: "",
  communications: "communication",
  authorised: "authoriz",
  unauthorised: "unauthoriz",
  authorisation: "authoriz",
  authorization: "authoriz",
  authenticate: "authent",
  authentication: "authent",
  visibility: "visib",
  visible: "visib",
  incidents: "incident",
  agents: "agent",
};

/**
 * A word's crude stem (plural, -ing, -ed removed; a few domain synonyms merged).
 * @example stem("rolled") // "roll"
 * @example stem("increasing") === stem("increase") // true
 */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w in SYNONYMS) return SYNONYMS[w];
  let s = w;
  if (s.length > 4 && s.endsWith("ies")) s = `${s.slice(0, -3)}y`;
  else if (s.length > 5 && s.endsWith("ing")) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith("ed")) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith("s") && !s.endsWith("ss")) s = s.slice(0, -1);
  if (s.length > 4 && s.endsWith("e")) s = s.slice(0, -1);
  return SYNONYMS[s] ?? s;
}

/**
 * The content words of a text as stems (stop words and one-letter words left out; "5,000" read as "5000").
 * @example contentWords("Has your organisation rolled back an AI agent?") // ["roll", "ai", "agent"]
 */
export function contentWords(text: string): string[] {
  const hit = memo.get(text);
  if (hit) return hit;
  const words = computeWords(text);
  // the same question and answer texts are read for every figure: remember a bounded number
  if (memo.size > 20_000) memo.clear();
  memo.set(text, words);
  return words;
}

const memo = new Map<string, string[]>();

function computeWords(text: string): string[] {
  const out: string[] = [];
  const plain = text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/(\d),(\d{3})/g, "$1$2");
  for (const raw of plain.split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP.has(raw)) continue;
    const s = stem(raw);
    if (s && !STOP.has(s)) out.push(s);
  }
  return [...new Set(out)];
}

/** Word → weight: log(1 + N / (1 + documents containing it)), so words every question shares count little. */
export type Weights = (word: string) => number;

/**
 * IDF weights over a corpus of texts; unseen words weigh as a word seen once.
 * @example const w = idfWeights(["AI agents live", "AI agents rolled back"]); w("ai") < w("roll") // true
 */
export function idfWeights(corpus: readonly string[]): Weights {
  const df = new Map<string, number>();
  for (const t of corpus) for (const w of contentWords(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(1, corpus.length);
  return (word) => Math.log(1 + n / (1 + (df.get(word) ?? 1)));
}

const sum = (words: Iterable<string>, weight: Weights) => {
  let s = 0;
  for (const w of words) s += weight(w);
  return s;
};

/**
 * Share of `target`'s word weight found in `candidate` (1 = every word of target is there).
 * @example coverage(["roll", "back"], ["roll", "back", "agent"], () => 1) // 1
 */
export function coverage(target: readonly string[], candidate: readonly string[], weight: Weights): number {
  const total = sum(target, weight);
  if (total === 0) return 0;
  const have = new Set(candidate);
  return sum(target.filter((w) => have.has(w)), weight) / total;
}

/**
 * Wording similarity of a definition and a candidate: mostly how much of the definition the
 * candidate covers (recall), partly how much of the candidate is about it (precision).
 * @example similarity("Rolled back an agent", "Has your organisation rolled back an agent?", () => 1) // 1
 */
export function similarity(definition: string, candidate: string, weight: Weights): number {
  const d = contentWords(definition);
  const c = contentWords(candidate);
  if (!d.length || !c.length) return 0;
  return 0.7 * coverage(d, c, weight) + 0.3 * coverage(c, d, weight);
}

const NEGATIVE = /\b(no|not|never|none|cannot|can't|don't|doesn't|lack|lacks|lacked|without|disagree|unable|fail|fails|failed|unsure)\b|\bn't\b/i;

/**
 * Whether a text is worded negatively ("Lack …", "No", "Disagree", "Cannot …").
 * @example negative("Strongly disagree") // true
 * @example negative("Yes") // false
 */
export function negative(text: string): boolean {
  return NEGATIVE.test(text);
}
