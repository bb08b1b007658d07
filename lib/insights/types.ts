/**
 * Shapes shared by the insights scan, the drivers service, the API and the panel (browser-safe:
 * no server imports).
 */
import type { BreakdownState } from "@/lib/analysis/breakdown-state";

export { insightsRequestSchema, type InsightsRequest, type InsightsRequestInput } from "@/lib/schema/insights";

/** One significant difference between two segments of one question. */
export interface InsightFinding {
  /** `${question}:${high}:${low}` */
  id: string;
  question: string;
  question_label: string;
  /** code and label of the segment with the higher share */
  high: string;
  high_label: string;
  /** code and label of the segment compared with */
  low: string;
  low_label: string;
  p_high: number;
  p_low: number;
  /** p_high − p_low in percentage points (> 0) */
  diff_pts: number;
  n_high: number;
  n_low: number;
  n_eff_high: number;
  n_eff_low: number;
  /** two-sided p-value of the pairwise test (weighted: design-based z; unweighted: pooled z) */
  p_value: number;
  /** Benjamini–Hochberg q-value over everything scanned */
  q_value: number;
  /** the question's Rao–Scott (or Pearson, unweighted) chi-square of segment × outcome-or-other (null: not testable) */
  association: { p_value: number | null; q_value: number | null };
  /** q_value ≤ the FDR level: a finding; otherwise a near miss (nominal p ≤ level only) */
  significant: boolean;
  /** the plain-language sentence */
  text: string;
  /** the breakdown this finding comes from, for the Analyze link */
  breakdown: BreakdownState;
  /** `serializeBreakdownState(breakdown).toString()` */
  query: string;
}

/** What happened to one scanned segment question. */
export interface TestedQuestion {
  question: string;
  label: string;
  status: "tested" | "no_test" | "error";
  /** chi-square p and q (null when not testable) */
  p_value: number | null;
  q_value: number | null;
  pairs_tested: number;
  /** pairs left out: a segment below the effective base, suppressed or without an estimate */
  pairs_skipped: number;
  findings: number;
  message?: string;
}

/** The result of `scanInsights`. */
export interface InsightScan {
  /** significant after Benjamini–Hochberg, largest difference first */
  findings: InsightFinding[];
  /** near misses: p ≤ q before the correction but not after, smallest p first (not findings) */
  candidates: InsightFinding[];
  tested: TestedQuestion[];
  fdr: {
    method: "BH";
    q: number;
    /** tests in the family (chi-squares + pairs) */
    m: number;
    /** tests with q-value ≤ q */
    rejected: number;
    min_effective_n: number;
    weighted: boolean;
  };
}

/** One fitted coefficient with its odds ratio (logistic) and confidence interval. */
export interface DriverTerm {
  term: string;
  /** the predictor question id ("(intercept)" for the intercept) */
  predictor: string;
  /** the level of a categorical predictor; null for the intercept or a numeric predictor */
  level: string | null;
  estimate: number;
  se: number;
  /** estimate / se: a t on df_residual (svyglm) or a z (Firth; see the report's `statistic`) */
  t: number;
  p_value: number;
  /** exp(estimate) for a logistic model, null for a linear one */
  odds_ratio: number | null;
  /** exp(b ± q · se) for logistic; b ± q · se for linear (q: t_df quantile, or normal for Firth) */
  ci: [number, number];
}

/** Something the reader must know before trusting the numbers. */
export interface DriverWarning {
  /** "separation": a predictor level has no events or no non-events; "lmg_skipped": too many predictors for relative importance */
  code: "separation" | "lmg_skipped";
  message: string;
  /** the terms concerned ("pred=level", or "pred=level (reference)") */
  terms: string[];
}

/** One predictor's share of the explained variance (LMG / Shapley value of R²). */
export interface DriverImportance {
  predictor: string;
  label: string;
  /** model-matrix columns (dummies of a categorical predictor, or 1) */
  columns: number;
  /** R² points attributed to the predictor */
  lmg: number;
  /** lmg / R² (null when R² is 0) */
  share: number | null;
  rank: number;
}

/** One predictor, ranked by its strongest term. */
export interface RankedDriver {
  predictor: string;
  label: string;
  reference: string | null;
  /** the term with the largest |t| */
  top_term: string;
  top_level: string | null;
  max_abs_t: number;
  /** the smallest p-value among its terms */
  min_p: number;
  /** odds ratio of the top term (logistic) */
  odds_ratio: number | null;
  ci: [number, number];
  /** LMG relative importance (linear models; null otherwise) */
  lmg: number | null;
  share: number | null;
  terms: DriverTerm[];
}

/** The result of `driversForDataset`. */
export interface DriversReport {
  model: "logistic" | "linear";
  /** how the coefficients were estimated: svyglm (design-based SEs), lmg (svyglm plus relative importance) or firth (penalised, model-based SEs) */
  method: "svyglm" | "lmg" | "firth";
  /** the coefficients' test statistic: t on df_residual, or z (Firth) */
  statistic: "t" | "z";
  /** the predictors were chosen by default (no predictors in the request) */
  default_predictors: boolean;
  warnings: DriverWarning[];
  /** linear models: R² and its LMG decomposition (drivers are ranked by it); null otherwise */
  importance: { r2: number; predictors: DriverImportance[] } | null;
  outcome: string;
  outcome_category: string[] | null;
  weight: string | null;
  filters: Record<string, string[]>;
  predictors: string[];
  /** predictors proposed but left out (auto mode), with why */
  dropped: { predictor: string; reason: string }[];
  n: number;
  df_residual: number;
  conf_level: number;
  rows: {
    /** respondents in the dataset */
    total: number;
    /** rows passing the filters */
    after_filters: number;
    /** rows passing the filters but left out for a missing outcome, predictor or weight */
    excluded: number;
  };
  reference_levels: Record<string, string | null>;
  coefficients: DriverTerm[];
  drivers: RankedDriver[];
  r_script: string;
}
