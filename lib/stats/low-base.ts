/**
 * Low-base flags: a cell whose effective sample size is below a minimum is flagged so the UI
 * can grey it out or warn. The effective n is Kish's (Σw)²/Σw² (equal to n without weights).
 */
import type { CrosstabResult } from "@/lib/schema/crosstab-result";

/** Default minimum effective base. */
export const DEFAULT_MIN_EFFECTIVE_N = 30;

/** Low-base status of one column (a segment, or the total with segment null). */
export interface LowBaseFlag {
  segment: string | null;
  n: number;
  /** Kish effective n (null for an empty segment) */
  n_eff: number | null;
  min_effective_n: number;
  low_base: boolean;
}

/**
 * Whether a cell with this effective n is a low base (an empty cell always is).
 * @example isLowBase(12.5) // true
 */
export function isLowBase(nEff: number | null, minEffectiveN = DEFAULT_MIN_EFFECTIVE_N): boolean {
  return nEff === null || nEff < minEffectiveN;
}

/**
 * Flags for the total and every segment of a crosstab.
 * @example lowBaseFlags(result, { minEffectiveN: 50 }).filter((f) => f.low_base)
 */
export function lowBaseFlags(
  result: Pick<CrosstabResult, "total" | "segments">,
  options: { minEffectiveN?: number } = {},
): LowBaseFlag[] {
  const min = options.minEffectiveN ?? DEFAULT_MIN_EFFECTIVE_N;
  if (!(min >= 0)) throw new Error(`minimum effective n: ${min}`);
  const flag = (segment: string | null, n: number, nEff: number | null): LowBaseFlag => ({
    segment,
    n,
    n_eff: nEff,
    min_effective_n: min,
    low_base: isLowBase(nEff, min),
  });
  return [
    flag(null, result.total.n, result.total.n_eff_kish),
    ...result.segments.map((s) => flag(s.segment, s.n, s.n_eff_kish)),
  ];
}
