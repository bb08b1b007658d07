import type { Rng } from "../lib/prng";
import { allocateCounts, assignLevels, cutByRank, normal, pickWeighted } from "../lib/sampling";
import { type Draft, leaveBlanks, range, where, writeColumn } from "../lib/draft";
import { allocateMulti } from "../lib/multi";
import { COUNTRIES, type Country, FIVE, FOCUS, IMPACTS, IMPORTANCE, INVESTMENT_CHANGE, LIVE, MATURITY, SAFETY_TIME, SHORTFALLS, YES_NO } from "./columns";
import { BIG_INCREASE_RATE, N } from "./targets";

/** Latent correlation of satisfaction and confidence, tuned so the 1–5 answers correlate ≈ 0.52. */
const LATENT_RHO = 0.58;

const maturityIndex = (rows: Draft, i: number) => MATURITY.indexOf(rows[i].guardrail_maturity as (typeof MATURITY)[number]);

/**
 * Failure impact (35/34 published), investment change (98% increasing, Brazil 66% > 25%),
 * safety time (84% at least half) and custom infrastructure (55%).
 *
 * @example
 * spendingAndImpact(rng, rows);
 */
export function spendingAndImpact(rng: Rng, rows: Draft): void {
  const all = range(N);
  writeColumn(rows, "failure_impact", assignLevels(rng, leaveBlanks(rng, all, 0.03), IMPACTS, [0.35, 0.34, 0.21, 0.1]));

  const change = new Map<number, string>();
  for (const country of COUNTRIES) {
    const members = where(rows, "country", country);
    const [k] = allocateCounts(members.length, [BIG_INCREASE_RATE[country as Country], 1 - BIG_INCREASE_RATE[country as Country]]);
    for (const i of pickWeighted(rng, members, () => 1, k)) change.set(i, INVESTMENT_CHANGE[3]);
  }
  const flat = N - Math.round(N * 0.98);
  const rest = all.filter((i) => !change.has(i));
  const notIncreasing = pickWeighted(rng, rest, (i) => (rows[i].agent_status === LIVE ? 0.5 : 1.5), flat);
  const down = new Set(pickWeighted(rng, notIncreasing, () => 1, Math.round(flat * 0.25)));
  for (const i of notIncreasing) change.set(i, down.has(i) ? INVESTMENT_CHANGE[0] : INVESTMENT_CHANGE[1]);
  for (const i of rest) if (!change.has(i)) change.set(i, INVESTMENT_CHANGE[2]);
  writeColumn(rows, "investment_change", change);

  const safety = assignLevels(rng, leaveBlanks(rng, all, 0.02), SAFETY_TIME.slice().reverse(), [0.35, 0.49, 0.11, 0.05], (i, level) =>
    level === SAFETY_TIME[3] ? 0.7 + 0.3 * maturityIndex(rows, i) : 1,
  );
  writeColumn(rows, "safety_time_share", safety);

  const custom = assignLevels(rng, leaveBlanks(rng, all, 0.015), YES_NO, [0.55, 0.45]);
  writeColumn(rows, "custom_infrastructure", custom);
}

/**
 * Budget focus and provider shortfalls (multi-selects), considering a new provider (86%),
 * infrastructure importance (top-2 87%), and the satisfaction × confidence pair (r ≈ 0.52).
 *
 * @example
 * providersAndInfrastructure(rng, rows);
 */
export function providersAndInfrastructure(rng: Rng, rows: Draft): void {
  const all = range(N);
  const focusShares = [0.76, 0.63, 0.47, 0.41, 0.29, 0.04];
  const focus = allocateMulti(
    rng,
    leaveBlanks(rng, all, 0.02),
    FOCUS.map((code, j) => ({ code, share: focusShares[j], weight: j === 0 ? (i: number) => 0.8 + 0.2 * maturityIndex(rows, i) : undefined })),
  );
  writeColumn(rows, "investment_focus", focus);

  const gapShares = [0.42, 0.37, 0.32, 0.26, 0.21];
  const gaps = allocateMulti(
    rng,
    leaveBlanks(rng, all, 0.03),
    SHORTFALLS.slice(0, 5).map((code, j) => ({ code, share: gapShares[j] })),
    SHORTFALLS[5],
  );
  writeColumn(rows, "provider_shortfalls", gaps);

  const unhappy = (i: number) => (gaps.get(i) ?? SHORTFALLS[5]) !== SHORTFALLS[5];
  const considering = assignLevels(rng, leaveBlanks(rng, all, 0.01), YES_NO, [0.86, 0.14], (i, level) =>
    level === "Yes" ? (unhappy(i) ? 1.6 : 0.5) : 1,
  );
  writeColumn(rows, "considering_new_provider", considering);

  const importance = assignLevels(rng, leaveBlanks(rng, all, 0.02), IMPORTANCE.slice().reverse(), [0.46, 0.41, 0.08, 0.03, 0.02]);
  writeColumn(rows, "infrastructure_importance", importance);

  const z1 = all.map(() => normal(rng));
  const z2 = all.map((i) => LATENT_RHO * z1[i] + Math.sqrt(1 - LATENT_RHO ** 2) * normal(rng));
  const sat = z1.map((z, i) => z - (unhappy(i) ? 0.25 : 0));
  const conf = z2.map((z, i) => z + 0.12 * (maturityIndex(rows, i) - 1.5) + (rows[i].agent_status === LIVE ? 0.15 : 0));
  const pair = leaveBlanks(rng, all, 0.025);
  writeColumn(rows, "infrastructure_satisfaction", cutByRank(pair, sat, FIVE, [0.06, 0.14, 0.3, 0.35, 0.15]));
  writeColumn(rows, "deployment_confidence", cutByRank(pair, conf, FIVE, [0.05, 0.13, 0.27, 0.37, 0.18]));
}
