/**
 * The protected crosstab: the shape of `CrosstabResult` (lib/schema/crosstab-result.ts) with every
 * hidden number set to null, `suppressed` flags on each block and a `disclosure` summary.
 */
import type { MeanBlock, MeanPair, ProportionBlock, ProportionPair } from "@/lib/schema/crosstab-result";
import type { DisclosureRole } from "@/lib/schema/disclosure";

/** Fields every protected block has. */
export interface ProtectedBlockBase {
  /** null when the cell is suppressed */
  n: number | null;
  weighted_n: number | null;
  sum_w2: number | null;
  n_eff_kish: number | null;
  deff_kish: number | null;
  /** n and every number derived from the cell are hidden */
  suppressed: boolean;
  /**
   * what to show instead of a hidden value; null when nothing is hidden. "< 5": the cell is under
   * k; "all but < 5": the count's rest (n − count) is; "—": hidden only to protect a small cell
   * (a complement, or a release refused by the differencing guard), never a count.
   */
  display: string | null;
}

export interface ProtectedProportionBlock extends ProtectedBlockBase {
  count: number | null;
  weighted_count: number | null;
  /** the category count, its complement (n − count) and all estimates are hidden; n may be shown */
  count_suppressed: boolean;
  unweighted: ProportionBlock["unweighted"];
  weighted: ProportionBlock["weighted"];
}

export interface ProtectedMeanBlock extends ProtectedBlockBase {
  unweighted: MeanBlock["unweighted"];
  weighted: MeanBlock["weighted"];
}

/** Row accounting; counts that could give away a hidden cell are null. */
export interface ProtectedRows {
  csv: number;
  after_filters: number | null;
  excluded_missing_outcome: number | null;
  excluded_missing_segment: number | null;
  excluded_invalid_weight: number | null;
  analytic: number | null;
  analytic_with_segment?: number | null;
}

/** A chi-square test; `n` (the table total) is null when a segment or the total is hidden. */
export interface ProtectedChisq {
  rows_used: string[];
  cols_used: string[];
  n: number | null;
  note?: string;
  weighted_note?: string;
  unweighted: { x2: number | null; df: number; p_value: number | null } | null;
  weighted: { rao_scott_f: { F: number | null; ndf: number | null; ddf: number | null; p_value: number | null } } | null;
}

/** What was hidden and why (messages are lowercase "what: value"). */
export interface DisclosureSummary {
  k: number;
  sensitive: boolean;
  role: DisclosureRole;
  /** segments whose n or count is hidden, in segment order */
  suppressedSegments: string[];
  totalSuppressed: boolean;
  /** the release was refused by the differencing guard; every number is hidden */
  blocked: boolean;
  reason: string[];
  /** set when nothing is protected because the audience sees exact numbers (lib/disclosure/audience.ts) */
  exact?: "respondent-access" | "open-policy";
  /** exact releases only: cells below k, shown but flagged as low bases */
  lowCells?: string[];
}

interface ProtectedCommon {
  conf_level: number;
  z: number;
  /** null when the total is hidden */
  rows: ProtectedRows | null;
  segment_levels: string[];
  notes?: string[];
  disclosure: DisclosureSummary;
}

export interface ProtectedProportionCrosstab extends ProtectedCommon {
  statistic: "proportion";
  outcome_levels: string[];
  total: ProtectedProportionBlock;
  segments: (ProtectedProportionBlock & { segment: string })[];
  /** only pairs whose two segments are fully shown */
  pairwise: ProportionPair[];
  /** null while fewer than 2 segments are fully shown, or when sensitive and a segment is hidden */
  chisq: { full: ProtectedChisq | null; binary: ProtectedChisq | null };
}

export interface ProtectedMeanCrosstab extends ProtectedCommon {
  statistic: "mean";
  outcome_levels: null;
  total: ProtectedMeanBlock;
  segments: (ProtectedMeanBlock & { segment: string })[];
  pairwise: MeanPair[];
  chisq: null;
}

/** A crosstab result after small-cell protection; narrow on `statistic`. */
export type ProtectedCrosstab = ProtectedProportionCrosstab | ProtectedMeanCrosstab;
