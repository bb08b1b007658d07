/**
 * The release for an audience that sees exact numbers (respondent access, or an `open` dataset):
 * the same shape as a protected result, nothing hidden, and the low cells named so the UI can flag
 * them rather than suppress them.
 */
import type { CrosstabResult } from "@/lib/schema/crosstab-result";
import type { NpsResult } from "@/lib/stats/nps";
import type { Audience } from "./audience";
import type { ProtectedNps } from "./protect-nps";
import type { DisclosureSummary, ProtectedCrosstab, ProtectedRows } from "./types";

/** The summary of an exact release: why it is exact, and which cells are below k (flagged, shown). */
function exactSummary(k: number, role: DisclosureSummary["role"], audience: Audience, low: string[]): DisclosureSummary {
  return {
    k,
    sensitive: false,
    role,
    suppressedSegments: [],
    totalSuppressed: false,
    blocked: false,
    reason: [],
    exact: audience.kind === "respondent" ? "respondent-access" : "open-policy",
    lowCells: low,
  };
}

/**
 * A crosstab released exactly.
 * @example exactCrosstab(result, 5, "admin", { kind: "respondent", why: "admin" }).segments[0].display // null
 */
export function exactCrosstab(result: CrosstabResult, k: number, role: DisclosureSummary["role"], audience: Audience): ProtectedCrosstab {
  const low = result.segments.filter((s) => s.n > 0 && s.n < k).map((s) => s.segment);
  if (result.total.n > 0 && result.total.n < k) low.unshift("total");
  const rows: ProtectedRows = { ...result.rows };
  const common = {
    conf_level: result.conf_level,
    z: result.z,
    rows,
    segment_levels: [...result.segment_levels],
    ...(result.notes ? { notes: [...result.notes] } : {}),
    disclosure: exactSummary(k, role, audience, low),
  };
  if (result.statistic === "mean") {
    return {
      ...common,
      statistic: "mean",
      outcome_levels: null,
      total: { ...structuredClone(result.total), suppressed: false, display: null },
      segments: result.segments.map((s) => ({ ...structuredClone(s), suppressed: false, display: null })),
      pairwise: structuredClone(result.pairwise),
      chisq: null,
    };
  }
  const open = <T extends object>(b: T) => ({ ...structuredClone(b), suppressed: false, count_suppressed: false, display: null });
  return {
    ...common,
    statistic: "proportion",
    outcome_levels: [...result.outcome_levels],
    total: open(result.total),
    segments: result.segments.map((s) => open(s)),
    pairwise: structuredClone(result.pairwise),
    chisq: structuredClone(result.chisq),
  };
}

/** An NPS breakdown released exactly (the shape of `protectNps`, nothing hidden). */
export function exactNps<R extends NpsResult>(r: R): ProtectedNps<R> {
  return { ...r, segments: r.segments.map((s) => ({ ...s, suppressed: false, display: null })) } as unknown as ProtectedNps<R>;
}
