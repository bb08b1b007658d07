import { z } from "zod";
import { CHART_KINDS } from "./banner-chart-data-kinds";
import type { BannerSpecInput } from "@/lib/schema/banner";
import type { CrosstabSpecInput } from "@/lib/schema/crosstab-spec";

/**
 * The breakdown view's state, kept in the URL so reload, back/forward and pasted links re-render
 * the same view. Filters are `f.<questionId>=value|value`; the banner view is `view=banner` with
 * its segment questions as `segments=a,b` (question ids never contain commas). `weight=<id>` names
 * the weight; without it the dataset's default weight applies, unless `unweighted=1` switches
 * weighting off (lib/analysis/default-weight.ts).
 */
export const breakdownStateSchema = z.object({
  outcome: z.string().optional(),
  category: z.string().optional(),
  segment: z.string().optional(),
  weight: z.string().optional(),
  /** weighting switched off: the dataset's default weight does not apply (an explicit `weight` still wins) */
  unweighted: z.preprocess((v) => (v === "1" || v === true ? true : undefined), z.literal(true).optional()),
  conf: z.coerce.number().gt(0).lt(1).optional(),
  /** multiple-comparison correction for significance letters */
  sig: z.enum(["none", "holm", "bonferroni"]).optional(),
  filters: z.record(z.string(), z.array(z.string())).default({}),
  /** "banner": every answer of the outcome by one or more segments; absent: the single-answer breakdown */
  view: z.enum(["banner"]).optional(),
  /** banner segment questions, left to right (at most 4) */
  segments: z.array(z.string().min(1)).max(4).optional(),
  /** the banner chart shown (kept by saved views and dashboard tiles) */
  chart: z.enum(CHART_KINDS).optional().catch(undefined),
});
export type BreakdownState = z.infer<typeof breakdownStateSchema>;

const FILTER_PREFIX = "f.";
const VALUE_SEP = "|";
const SEGMENT_SEP = ",";

/**
 * Every question a state names (outcome, segments, weight, filters): what its page must know.
 * @example stateQuestions({ outcome: "q1", segment: "age", filters: { country: ["DE"] } }) // ["q1", "age", "country"]
 */
export function stateQuestions(s: BreakdownState): string[] {
  const ids = [s.outcome, s.segment, ...(s.segments ?? []), s.weight, ...Object.keys(s.filters ?? {})];
  return [...new Set(ids.filter((x): x is string => typeof x === "string" && x !== ""))];
}

/**
 * @example
 * parseBreakdownState(new URLSearchParams("outcome=q1&f.country=US|UK")).filters // { country: ["US", "UK"] }
 */
export function parseBreakdownState(params: URLSearchParams): BreakdownState {
  const filters: Record<string, string[]> = {};
  const plain: Record<string, string> = {};
  let segments: string[] | undefined;
  for (const [k, v] of params) {
    if (k.startsWith(FILTER_PREFIX)) {
      const values = v.split(VALUE_SEP).filter((x) => x !== "");
      if (values.length) filters[k.slice(FILTER_PREFIX.length)] = values;
    } else if (k === "segments") {
      const list = v.split(SEGMENT_SEP).filter((x) => x !== "");
      if (list.length) segments = list;
    } else {
      plain[k] = v;
    }
  }
  const parsed = breakdownStateSchema.safeParse({ ...plain, filters, ...(segments ? { segments } : {}) });
  return parsed.success ? parsed.data : { filters: {} };
}

/** The inverse of `parseBreakdownState` (stable key order, empty values dropped). */
export function serializeBreakdownState(s: BreakdownState): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ["outcome", "category", "segment", "weight", "sig", "chart"] as const) {
    const v = s[key];
    if (v) p.set(key, v);
  }
  if (s.unweighted && !s.weight) p.set("unweighted", "1");
  if (s.conf !== undefined) p.set("conf", String(s.conf));
  if (s.view) p.set("view", s.view);
  if (s.segments?.length) p.set("segments", s.segments.join(SEGMENT_SEP));
  for (const [q, values] of Object.entries(s.filters).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (values.length) p.set(FILTER_PREFIX + q, values.join(VALUE_SEP));
  }
  return p;
}

/** Special "answers" of a scale question: summaries rather than one option. */
export const SUMMARY = { top2: "__top2", bottom2: "__bottom2", mean: "__mean", nps: "__nps" } as const;

export interface OutcomeShape {
  type: string;
  /** option codes in scale order */
  codes: string[];
}

export interface BreakdownRequest {
  endpoint: "crosstab" | "nps";
  spec: CrosstabSpecInput;
}

/**
 * The weighting of a request: the state's weight, or `unweighted: true` said out loud, since the API
 * applies the dataset's default weight to a request naming none (the state is resolved already:
 * lib/analysis/default-weight.ts `withDefaultWeight`).
 */
function weightOf(s: BreakdownState): { weight: string } | { unweighted: true } {
  return s.weight ? { weight: s.weight } : { unweighted: true };
}

/**
 * The request a complete state asks for, or null while the choice is incomplete: a proportion of
 * one option or a NET (top/bottom 2 box), a mean (numeric question or a numeric scale), or NPS.
 */
export function toCrosstabSpec(s: BreakdownState, outcome: OutcomeShape | undefined): BreakdownRequest | null {
  if (!s.outcome || !s.segment || !outcome) return null;
  const numeric = outcome.type === "numeric";
  if (!numeric && !s.category) return null;
  const common = { outcome: s.outcome, segment: s.segment, ...weightOf(s), filters: s.filters, conf_level: s.conf ?? 0.95 };
  if (numeric || s.category === SUMMARY.mean) return { endpoint: "crosstab", spec: { ...common, statistic: "mean" } };
  if (s.category === SUMMARY.nps) return { endpoint: "nps", spec: common };
  const codes = outcome.codes;
  const category = s.category === SUMMARY.top2 ? codes.slice(-2) : s.category === SUMMARY.bottom2 ? codes.slice(0, 2) : s.category!;
  return { endpoint: "crosstab", spec: { ...common, statistic: "proportion", outcome_category: category } };
}

/**
 * The banner segments of a state: the explicit list, or the single breakdown's segment.
 * @example bannerSegments({ segment: "country", filters: {} }) // ["country"]
 */
export function bannerSegments(s: BreakdownState): string[] {
  if (s.segments?.length) return s.segments;
  return s.segment ? [s.segment] : [];
}

/**
 * The banner request of a state, or null while the outcome or every segment is missing.
 * @example toBannerSpec({ view: "banner", outcome: "q1", segments: ["a", "b"], filters: {} })?.segments // ["a", "b"]
 */
export function toBannerSpec(s: BreakdownState, opts: { grid?: boolean } = {}): BannerSpecInput | null {
  const segments = bannerSegments(s).filter((x) => x !== s.outcome);
  // a grid's columns are its rows: it needs no segment
  if (!s.outcome || (!segments.length && !opts.grid)) return null;
  if (opts.grid) return { outcome: s.outcome, segments: [], ...weightOf(s), filters: s.filters, conf_level: s.conf ?? 0.95, sig: "none" };
  return { outcome: s.outcome, segments, ...weightOf(s), filters: s.filters, conf_level: s.conf ?? 0.95, sig: s.sig ?? "none" };
}
