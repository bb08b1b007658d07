import type { CellTarget } from "../lib/poststratify";
import type { Country } from "./columns";

/** Seed of the generator; change it only together with a regeneration of the committed files. */
export const SEED = "surveyscope-demo/ai-agents-production/v1";
/** Published sample size (Sinch, S16). */
export const N = 2527;

/**
 * Weighting target (FREE, illustrative; not published): the assumed population of enterprises
 * with 1,000+ employees, by country (share of all) and, within country, the share with 5,000+
 * employees. The sample is about equal per country and 68/32 by size (published mix), so the
 * weights pull the estimates towards the United States and towards 1,000–4,999.
 */
export const POPULATION: Readonly<Record<Country, { share: number; large: number }>> = {
  "United States": { share: 0.42, large: 0.22 },
  "United Kingdom": { share: 0.09, large: 0.2 },
  Australia: { share: 0.05, large: 0.19 },
  Brazil: { share: 0.06, large: 0.19 },
  Germany: { share: 0.1, large: 0.24 },
  France: { share: 0.06, large: 0.21 },
  India: { share: 0.1, large: 0.18 },
  Singapore: { share: 0.03, large: 0.23 },
  Mexico: { share: 0.04, large: 0.17 },
  Canada: { share: 0.05, large: 0.2 },
};

/**
 * The country × company size cells of {@link POPULATION}, ready for post-stratification.
 *
 * @example
 * weightingTargets().length; // 20
 */
export function weightingTargets(): CellTarget[] {
  return Object.entries(POPULATION).flatMap(([country, { share, large }]) => [
    { levels: [country, "1,000–4,999 employees"], share: share * (1 - large) },
    { levels: [country, "5,000+ employees"], share: share * large },
  ]);
}

/** Share of respondents live in production, by country. US 67% and Brazil 76% are published
 * (second-hand); the rest are FREE and chosen so the ten average 62% (published overall). */
export const LIVE_RATE: Readonly<Record<Country, number>> = {
  "United States": 0.67,
  "United Kingdom": 0.6,
  Australia: 0.59,
  Brazil: 0.76,
  Germany: 0.55,
  France: 0.58,
  India: 0.66,
  Singapore: 0.64,
  Mexico: 0.57,
  Canada: 0.58,
};

/** Rollback rate among the live, by guardrail maturity. Fully mature 81% is published; the slope
 * below it is FREE. "Established" is solved so that the overall rate is 74% (published). */
export const ROLLBACK_RATE = { Early: 0.62, Developing: 0.69, "Fully mature": 0.81 } as const;
/** Published overall rollback rate among those who shipped (modelled as the live). */
export const ROLLBACK_OVERALL = 0.74;

/** Rollback rate among the live, by country, before scaling: Brazil 80% is published (second-hand);
 * the others are FREE and close to 74%, as the release says rates are "consistent" across regions.
 * All but Brazil are scaled together so the overall stays at 74%. */
export const ROLLBACK_COUNTRY_RATE: Readonly<Record<Country, number>> = {
  "United States": 0.72,
  "United Kingdom": 0.75,
  Australia: 0.74,
  Brazil: 0.8,
  Germany: 0.76,
  France: 0.73,
  India: 0.74,
  Singapore: 0.73,
  Mexico: 0.77,
  Canada: 0.72,
};

/** Share choosing "Increase by more than 25%", by country (Brazil 66% published second-hand). */
export const BIG_INCREASE_RATE: Readonly<Record<Country, number>> = {
  "United States": 0.48,
  "United Kingdom": 0.4,
  Australia: 0.41,
  Brazil: 0.66,
  Germany: 0.38,
  France: 0.39,
  India: 0.56,
  Singapore: 0.47,
  Mexico: 0.52,
  Canada: 0.42,
};
