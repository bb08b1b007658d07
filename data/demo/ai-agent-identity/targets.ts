import type { CellTarget } from "../lib/poststratify";

/** Seed of the generator; change it only together with a regeneration of the committed files. */
export const SEED = "surveyscope-demo/ai-agent-identity/v1";
/** Published sample size (Akeyless with MRA Research: 400 IT and security leaders, US and UK). */
export const N = 400;

/**
 * Weighting target (FREE, illustrative; not published): region share of the population and the
 * company-size mix within each region. The sample is 50/50 US/UK and 20/45/35 by size.
 */
export const POPULATION: Readonly<Record<string, { share: number; sizes: readonly [number, number, number] }>> = {
  "United States": { share: 0.72, sizes: [0.3, 0.45, 0.25] },
  "United Kingdom": { share: 0.28, sizes: [0.35, 0.45, 0.2] },
};

const SIZE_LEVELS = ["500–999 employees", "1,000–4,999 employees", "5,000+ employees"] as const;

/**
 * The region × company size cells of {@link POPULATION}, ready for post-stratification.
 *
 * @example
 * weightingTargets().length; // 6
 */
export function weightingTargets(): CellTarget[] {
  return Object.entries(POPULATION).flatMap(([region, { share, sizes }]) =>
    SIZE_LEVELS.map((size, j) => ({ levels: [region, size], share: share * sizes[j] })),
  );
}

/** Published (secondary) shares, base = the 376 organisations using AI agents unless noted. */
export const PUBLISHED = {
  /** base: all 400 */
  usesAgents: 0.94,
  accessSensitive: 0.85,
  suspectOutOfScope: 0.67,
  revokedCredentials: 0.61,
  controlsWouldStop: 0.07,
  /** "more than four out of five": 82% chosen (a lower bound was published) */
  blastRadius: 0.82,
  /** mean hours to detect */
  detectHours: 14,
  /** mean days to contain and remediate (single-source, unverified) */
  remediationDays: 7,
  /** mean spend in the past year: "$1M+"; 1.1M chosen */
  spendUsd: 1_100_000,
} as const;
