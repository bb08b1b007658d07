/**
 * Coefficients → what a reader compares: odds ratios (logistic) and intervals per term, and the
 * predictors ranked — by their LMG share of R² when relative importance is known (linear), else
 * by their largest |t| (or |z|).
 */
import { qnorm, qt } from "@/lib/stats/distributions";
import type { DriverImportance, DriverTerm, RankedDriver } from "./types";

/** The coefficient part of a fit: svyglm's t rows, or Firth's z rows mapped onto `t`. */
export interface CoefficientFit {
  df_residual: number;
  coefficients: { term: string; estimate: number; se: number; t: number; p_value: number }[];
  reference_levels: Record<string, string | null>;
}

/**
 * Split a term "predictor=level" into its parts (the predictor names are known).
 * @example splitTerm("size=5,000+", ["size"]) // { predictor: "size", level: "5,000+" }
 */
export function splitTerm(term: string, predictors: readonly string[]): { predictor: string; level: string | null } {
  if (term === "(intercept)") return { predictor: term, level: null };
  const bare = term.replace(/ \(reference\)$/, "");
  const p = [...predictors].sort((a, b) => b.length - a.length).find((x) => bare === x || bare.startsWith(`${x}=`));
  if (!p) return { predictor: term, level: null };
  return { predictor: p, level: bare === p ? null : bare.slice(p.length + 1) };
}

/**
 * Coefficients with odds ratios and intervals (t on df_residual, or normal when `statistic` is
 * "z"), and the predictors ranked.
 *
 * @example rankDrivers(fit, "logistic", ["g", "x"], { g: "Group" }).drivers[0].predictor // the largest |t|
 */
export function rankDrivers(
  fit: CoefficientFit,
  model: "logistic" | "linear",
  predictors: readonly string[],
  labels: Readonly<Record<string, string>>,
  confLevel = 0.95,
  statistic: "t" | "z" = "t",
  importance: readonly DriverImportance[] | null = null,
): { coefficients: DriverTerm[]; drivers: RankedDriver[] } {
  const alpha = (1 - confLevel) / 2;
  const q = statistic === "z" ? qnorm(1 - alpha) : qt(1 - alpha, fit.df_residual);
  const coefficients: DriverTerm[] = fit.coefficients.map((c) => {
    const { predictor, level } = splitTerm(c.term, predictors);
    const lo = c.estimate - q * c.se;
    const hi = c.estimate + q * c.se;
    return {
      ...c,
      predictor,
      level,
      odds_ratio: model === "logistic" ? Math.exp(c.estimate) : null,
      ci: model === "logistic" ? [Math.exp(lo), Math.exp(hi)] : [lo, hi],
    };
  });
  const lmgOf = new Map((importance ?? []).map((i) => [i.predictor, i]));
  const drivers: RankedDriver[] = predictors.flatMap((p) => {
    const terms = coefficients.filter((c) => c.predictor === p && c.term !== "(intercept)");
    if (terms.length === 0) return [];
    const top = terms.reduce((best, c) => (Math.abs(c.t) > Math.abs(best.t) ? c : best));
    return [
      {
        predictor: p,
        label: labels[p] ?? p,
        reference: fit.reference_levels[p] ?? null,
        top_term: top.term,
        top_level: top.level,
        max_abs_t: Math.abs(top.t),
        min_p: Math.min(...terms.map((c) => c.p_value)),
        odds_ratio: top.odds_ratio,
        ci: top.ci,
        lmg: lmgOf.get(p)?.lmg ?? null,
        share: lmgOf.get(p)?.share ?? null,
        terms,
      },
    ];
  });
  drivers.sort((a, b) => (b.lmg ?? 0) - (a.lmg ?? 0) || b.max_abs_t - a.max_abs_t || (a.predictor < b.predictor ? -1 : 1));
  return { coefficients, drivers };
}
