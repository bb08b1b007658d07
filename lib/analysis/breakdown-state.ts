import { z } from "zod";
import type { CrosstabSpecInput } from "@/lib/schema/crosstab-spec";

/**
 * The breakdown view's state, kept in the URL so reload, back/forward and pasted links re-render
 * the same view. Filters are `f.<questionId>=value|value`.
 */
export const breakdownStateSchema = z.object({
  outcome: z.string().optional(),
  category: z.string().optional(),
  segment: z.string().optional(),
  weight: z.string().optional(),
  conf: z.coerce.number().gt(0).lt(1).optional(),
  /** multiple-comparison correction for significance letters */
  sig: z.enum(["none", "holm", "bonferroni"]).optional(),
  filters: z.record(z.string(), z.array(z.string())).default({}),
});
export type BreakdownState = z.infer<typeof breakdownStateSchema>;

const FILTER_PREFIX = "f.";
const VALUE_SEP = "|";

/**
 * @example
 * parseBreakdownState(new URLSearchParams("outcome=q1&f.country=US|UK")).filters // { country: ["US", "UK"] }
 */
export function parseBreakdownState(params: URLSearchParams): BreakdownState {
  const filters: Record<string, string[]> = {};
  const plain: Record<string, string> = {};
  for (const [k, v] of params) {
    if (k.startsWith(FILTER_PREFIX)) {
      const values = v.split(VALUE_SEP).filter((x) => x !== "");
      if (values.length) filters[k.slice(FILTER_PREFIX.length)] = values;
    } else {
      plain[k] = v;
    }
  }
  const parsed = breakdownStateSchema.safeParse({ ...plain, filters });
  return parsed.success ? parsed.data : { filters: {} };
}

/** The inverse of `parseBreakdownState` (stable key order, empty values dropped). */
export function serializeBreakdownState(s: BreakdownState): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ["outcome", "category", "segment", "weight", "sig"] as const) {
    const v = s[key];
    if (v) p.set(key, v);
  }
  if (s.conf !== undefined) p.set("conf", String(s.conf));
  for (const [q, values] of Object.entries(s.filters).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (values.length) p.set(FILTER_PREFIX + q, values.join(VALUE_SEP));
  }
  return p;
}

/** The crosstab spec a complete state asks for, or null while the choice is incomplete. */
export function toCrosstabSpec(s: BreakdownState, outcomeIsNumeric: boolean): CrosstabSpecInput | null {
  if (!s.outcome || !s.segment) return null;
  if (!outcomeIsNumeric && !s.category) return null;
  return {
    outcome: s.outcome,
    statistic: outcomeIsNumeric ? "mean" : "proportion",
    ...(outcomeIsNumeric ? {} : { outcome_category: s.category }),
    segment: s.segment,
    ...(s.weight ? { weight: s.weight } : {}),
    filters: s.filters,
    conf_level: s.conf ?? 0.95,
  };
}
