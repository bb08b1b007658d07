/**
 * Compare one of our proportions with a published figure: difference, its interval, a two-sided
 * z test and both margins of error. The published figure's standard error is the simple random
 * sampling one, sqrt(p2(1−p2)/n2), which needs its base n2; when the base was not published there
 * is no margin of error and no test (null), never an invented one.
 */
import { pnorm, qnorm } from "./distributions";

/** Our estimate: a proportion with its design-based standard error (weighted SE when weighted). */
export interface OwnProportion {
  p: number | null;
  se: number | null;
  /** unweighted respondents behind the estimate (null when hidden) */
  n: number | null;
}

/** A published proportion and its base (null when the publisher did not give it). */
export interface PublishedProportion {
  p: number;
  n: number | null;
}

export interface EstimateSide {
  p: number | null;
  se: number | null;
  n: number | null;
  /** half-width of the interval: z × SE */
  moe: number | null;
  ci: [number, number] | null;
}

export interface BenchmarkComparison {
  conf_level: number;
  /** the normal quantile used for every interval */
  z_crit: number;
  own: EstimateSide;
  published: EstimateSide;
  /** own − published */
  difference: number | null;
  se_difference: number | null;
  ci_difference: [number, number] | null;
  z: number | null;
  p_value: number | null;
  /** why a number is missing, in words; null when everything was computed */
  note: string | null;
}

export const BASE_UNKNOWN_NOTE = "published base unknown — margin of error and test not available";

const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

function side(p: number | null, se: number | null, n: number | null, q: number): EstimateSide {
  const moe = finite(se) ? q * se : null;
  return { p, se, n, moe, ci: finite(p) && moe !== null ? [p - moe, p + moe] : null };
}

/**
 * Our proportion p1 (with its design-based SE) against a published p2 (SE from its base n2).
 *
 * @example
 * const c = compareToBenchmark({ p: 0.55, se: 0.02, n: 600 }, { p: 0.5, n: 2500 });
 * c.difference // 0.05
 * c.p_value    // ≈ 0.0253
 * compareToBenchmark({ p: 0.55, se: 0.02, n: 600 }, { p: 0.5, n: null }).p_value // null
 */
export function compareToBenchmark(own: OwnProportion, published: PublishedProportion, confLevel = 0.95): BenchmarkComparison {
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`confidence level must be in (0, 1): ${confLevel}`);
  if (!(published.p >= 0 && published.p <= 1)) throw new RangeError(`published proportion out of 0–1: ${published.p}`);
  const q = qnorm((1 + confLevel) / 2);
  const p1 = finite(own.p) ? own.p : null;
  const se1 = p1 !== null && finite(own.se) && own.se >= 0 ? own.se : null;
  const n2 = finite(published.n) && published.n > 0 ? published.n : null;
  const se2 = n2 !== null ? Math.sqrt((published.p * (1 - published.p)) / n2) : null;

  const mine = side(p1, se1, finite(own.n) ? own.n : null, q);
  const theirs = side(published.p, se2, n2, q);
  const difference = p1 !== null ? p1 - published.p : null;

  let note: string | null = null;
  if (p1 === null) note = "own estimate not available";
  else if (se1 === null) note = "own standard error not available — test not available";
  else if (se2 === null) note = BASE_UNKNOWN_NOTE;

  const seD = se1 !== null && se2 !== null ? Math.sqrt(se1 * se1 + se2 * se2) : null;
  const usable = difference !== null && seD !== null && seD > 0;
  const z = usable ? difference / seD : null;
  if (difference !== null && seD === 0) note = "both standard errors are zero — test not available";
  return {
    conf_level: confLevel,
    z_crit: q,
    own: mine,
    published: theirs,
    difference,
    se_difference: seD,
    ci_difference: usable ? [difference - q * seD, difference + q * seD] : null,
    z,
    p_value: z !== null ? 2 * pnorm(-Math.abs(z)) : null,
    note,
  };
}
