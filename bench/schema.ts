/**
 * The benchmark survey's columns, shared by the generator and the query steps (which derive their
 * 50 + 50 query specs from it, so both sides ask the same questions). Pure data, no I/O.
 */

import { mulberry32 } from "@/lib/stats/seeded-random";

/** mulberry32: the seeded PRNG the generator and the query specs draw from (lib/stats/seeded-random.ts). */
export { mulberry32 };

const WORDS = [
  "Amber", "Birch", "Cedar", "Delta", "Ember", "Fjord", "Glade", "Harbor", "Iris", "Juniper", "Kestrel", "Lagoon",
  "Maple", "Nectar", "Onyx", "Prairie", "Quartz", "Ridge", "Sage", "Tundra", "Umber", "Valley", "Willow", "Yarrow",
];

export interface Categorical {
  header: string;
  levels: string[];
  /** cumulative probabilities (Zipf-like: level k has weight 1/(k+1)) */
  cdf: number[];
  blankRate: number;
}

export interface MultiSelect {
  header: string;
  options: string[];
  /** chance each option is ticked */
  p: number[];
  blankRate: number;
}

export const DELIM = ";";

function zipfCdf(n: number): number[] {
  const w = Array.from({ length: n }, (_, k) => 1 / (k + 1));
  const total = w.reduce((s, x) => s + x, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
}

/** 24 categoricals with 2–12 levels and 2–5 % blanks */
export const CATEGORICALS: Categorical[] = Array.from({ length: 24 }, (_, c) => {
  const n = 2 + (c % 11);
  const word = WORDS[c % WORDS.length];
  const levels = Array.from({ length: n }, (_, k) => `${word} ${String.fromCharCode(65 + k)}${k % 3 === 2 ? " group" : ""}`);
  return { header: `cat_${String(c + 1).padStart(2, "0")}`, levels, cdf: zipfCdf(n), blankRate: 0.02 + (0.03 * c) / 23 };
});

const MULTI_OPTIONS = [
  ["Email", "Phone", "Chat", "Social media", "In person", "Friends, family", "Website"],
  ["Price", "Quality", "Speed", "Support", "Brand, reputation", "Design"],
  ["Morning", "Midday", "Afternoon", "Evening", "Night", "Weekend, holidays", "Never fixed", "Varies"],
  ["Laptop", "Desktop", "Tablet", "Phone, smartphone", "TV", "Watch"],
  ["Sports", "Music", "Travel", "Reading", "Cooking", "Arts, crafts", "Games"],
];

/** 5 multi-selects, `;`-joined, each with one option containing a comma */
export const MULTIS: MultiSelect[] = MULTI_OPTIONS.map((options, m) => ({
  header: `ms_${m + 1}`,
  options,
  p: options.map((_, k) => 0.12 + ((k * 7 + m * 3) % 10) * 0.05),
  blankRate: 0.03 + 0.005 * m,
}));

export const LIKERTS = Array.from({ length: 5 }, (_, k) => `lk_${k + 1}`);

export const HEADERS: string[] = [
  "id",
  ...CATEGORICALS.map((c) => c.header),
  ...MULTIS.map((m) => m.header),
  ...LIKERTS,
  "weight",
  "age",
  "duration",
  "comment",
  "other_specify",
];

export interface CrosstabQuery {
  /** headers (Surveyscope resolves them to question ids; DuckDB uses them as column names) */
  segment: string;
  outcome: string;
  outcomeCategory: string;
  /** header → allowed values */
  filters: [string, string[]][];
  /** multi-select outcome: the outcome is a multi-select column and outcomeCategory one option */
  multi: boolean;
}

/** the 50 crosstabs: categorical segment × categorical outcome, 2 filters (a categorical and a Likert), weighted */
export function crosstabQueries(): CrosstabQuery[] {
  const rnd = mulberry32(4242);
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  return Array.from({ length: 50 }, (_, i) => {
    const seg = CATEGORICALS[(i * 7) % 24];
    let out = CATEGORICALS[(i * 11 + 3) % 24];
    if (out === seg) out = CATEGORICALS[(i * 11 + 4) % 24];
    let f = CATEGORICALS[(i * 5 + 9) % 24];
    if (f === seg || f === out) f = CATEGORICALS[(i * 5 + 13) % 24];
    const keep = f.levels.filter((_, k) => k === 0 || rnd() < 0.6);
    const lk = LIKERTS[i % 5];
    const lkValues = ["2", "3", "4", "5"].slice(i % 3);
    return { segment: seg.header, outcome: out.header, outcomeCategory: pick(out.levels.slice(0, 2)), filters: [[f.header, keep], [lk, lkValues]], multi: false };
  });
}

/** the 50 multi-select queries: one option of a multi-select by a categorical segment, 1 categorical filter, weighted */
export function multiQueries(): CrosstabQuery[] {
  const rnd = mulberry32(777);
  return Array.from({ length: 50 }, (_, i) => {
    const ms = MULTIS[i % 5];
    const seg = CATEGORICALS[(i * 3 + 1) % 24];
    let f = CATEGORICALS[(i * 13 + 5) % 24];
    if (f === seg) f = CATEGORICALS[(i * 13 + 6) % 24];
    const keep = f.levels.filter((_, k) => k === 0 || rnd() < 0.7);
    // every 5th query asks for the option with a comma in it
    const option = i % 10 < 2 ? ms.options.find((o) => o.includes(","))! : ms.options[Math.floor(rnd() * ms.options.length)];
    return { segment: seg.header, outcome: ms.header, outcomeCategory: option, filters: [[f.header, keep]], multi: true };
  });
}

/** The label Surveyscope gives a multi-select option outcome's "chosen" cells (lib/analysis/plan.ts CHOSEN). */
export const SELECTED = "Selected";
export const NOT_SELECTED = "Not selected";

/** One query's checkable result: analytic cells keyed "segment\u0001outcome" → [n, Σw]. */
export type CellDigest = Record<string, [number, number]>;

/** Compare two digests: equal keys, equal counts, weighted sums within 1e-9 relative. */
export function compareDigests(a: CellDigest, b: CellDigest): string | null {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (!x || !y) return `cell ${JSON.stringify(k)} only on one side`;
    if (x[0] !== y[0]) return `cell ${JSON.stringify(k)}: n ${x[0]} vs ${y[0]}`;
    if (Math.abs(x[1] - y[1]) > 1e-9 * Math.max(1, Math.abs(x[1]))) return `cell ${JSON.stringify(k)}: sw ${x[1]} vs ${y[1]}`;
  }
  return null;
}
