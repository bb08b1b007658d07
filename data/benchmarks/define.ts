import type { BenchmarkDemoMatch, BenchmarkFigure, BenchmarkTier, BenchmarkTopic, BenchmarkUnit } from "@/lib/schema/benchmark";

/** A cited source. */
export interface Source {
  title: string;
  url: string;
}

/** What every figure of one study shares unless it says otherwise. */
export interface StudyDefaults {
  /** id prefix, e.g. "sinch" */
  prefix: string;
  study: string;
  publisher: string;
  date: string | null;
  /** respondents in the whole sample (the default base) or null */
  n: number | null;
  base: string;
  source: Source;
  tier: BenchmarkTier;
  singleSource: boolean;
  /** appended to every figure's caveat */
  caveat: string;
}

/** One figure: what differs from the study defaults. */
export interface FigureSpec {
  /** id suffix after the prefix */
  id: string;
  topic: BenchmarkTopic;
  label: string;
  value: number;
  /** default "share" */
  unit?: BenchmarkUnit;
  base?: string;
  n?: number | null;
  date?: string | null;
  source?: Source;
  tier?: BenchmarkTier;
  singleSource?: boolean;
  /** figure-specific caveat, put before the study caveat */
  caveat?: string;
  demoMatch?: BenchmarkDemoMatch;
}

/**
 * Expands a study's compact figure list into full benchmark records.
 *
 * @example
 * study({ prefix: "acme", …, caveat: "Vendor survey." }, [{ id: "x", topic: "sample", label: "n", value: 10, unit: "count" }]);
 * // [{ id: "acme-x", …, caveat: "Vendor survey." }]
 */
export function study(defaults: StudyDefaults, figures: readonly FigureSpec[]): BenchmarkFigure[] {
  return figures.map((f) => ({
    id: `${defaults.prefix}-${f.id}`,
    study: defaults.study,
    publisher: defaults.publisher,
    topic: f.topic,
    label: f.label,
    value: f.value,
    unit: f.unit ?? "share",
    base: f.base ?? defaults.base,
    n: f.n === undefined ? defaults.n : f.n,
    date: f.date === undefined ? defaults.date : f.date,
    source: f.source ?? defaults.source,
    tier: f.tier ?? defaults.tier,
    singleSource: f.singleSource ?? defaults.singleSource,
    caveat: [f.caveat, defaults.caveat].filter(Boolean).join(" "),
    ...(f.demoMatch ? { demoMatch: f.demoMatch } : {}),
  }));
}

/** Shorthand for a demo match on the Sinch-like dataset. */
export function agentsDemo(outcome: string, outcome_category: string | string[], extra: Partial<BenchmarkDemoMatch> = {}): BenchmarkDemoMatch {
  return { dataset: "ai-agents-production", outcome, outcome_category, ...extra };
}

/** Shorthand for a demo match on the Akeyless-like dataset (base: organisations using AI agents). */
export function identityDemo(outcome: string, outcome_category?: string): BenchmarkDemoMatch {
  return {
    dataset: "ai-agent-identity",
    outcome,
    ...(outcome_category ? { outcome_category } : {}),
    filters: [{ column: "uses_ai_agents", values: ["Yes"] }],
  };
}

/** A compact figure: [id suffix, topic, label, value, other fields]. */
export type FigureRow = [string, BenchmarkTopic, string, number, Partial<FigureSpec>?];

/**
 * Expands compact rows into figure specs (for peer studies with many similar figures).
 *
 * @example
 * rows([["incidents", "identity-access", "Had an incident", 0.65]]);
 * // [{ id: "incidents", topic: "identity-access", label: "Had an incident", value: 0.65 }]
 */
export function rows(list: readonly FigureRow[]): FigureSpec[] {
  return list.map(([id, topic, label, value, rest]) => ({ id, topic, label, value, ...rest }));
}
