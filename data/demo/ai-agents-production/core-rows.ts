import type { Rng } from "../lib/prng";
import { allocateCounts, assignLevels, pickWeighted } from "../lib/sampling";
import { type Draft, fillDates, fillShuffled, range, where, writeColumn, leaveBlanks } from "../lib/draft";
import { CAUSES, COMPANY_SIZES, COUNTRIES, INDUSTRIES, LIVE, MATURITY, type Maturity, ROLES, STATUS } from "./columns";
import { LIVE_RATE, N, ROLLBACK_COUNTRY_RATE, ROLLBACK_OVERALL, ROLLBACK_RATE } from "./targets";
import { fitCellRates } from "../lib/cell-rates";

const LARGE = COMPANY_SIZES[1];
/** Rollback causes among rollbacks: 31/22/16 published (second-hand), "Other" the remainder. */
const CAUSE_SHARES = [0.31, 0.22, 0.16, 0.31];
/** "Customer data exposure" among rollbacks by region: Brazil 39%, Latin America 41% and North
 * America 26% are published (second-hand); Mexico's 43% is solved so Brazil + Mexico ≈ 41%. */
const EXPOSURE_BY_REGION: readonly (readonly [readonly string[], number])[] = [
  [["Brazil"], 0.39],
  [["Mexico"], 0.43],
  [["United States", "Canada"], 0.26],
];
/** How strongly each maturity level pulls towards being live (mature programmes ship more). */
const LIVE_PULL: Readonly<Record<Maturity, number>> = { Early: 0.45, Developing: 0.8, Established: 1.1, "Fully mature": 1.45 };

/**
 * Demographics and the screener block: id, date, country (about equal), industry, size (68/32),
 * role, guardrail maturity (larger firms rate themselves more mature).
 *
 * @example
 * const rows = demographics(createRng(SEED));
 */
export function demographics(rng: Rng): Draft {
  const rows: Draft = range(N).map((i) => ({ respondent_id: `R${String(i + 1).padStart(5, "0")}` }));
  fillDates(rng, rows, "field_date", "2026-01-05", "2026-02-27");
  fillShuffled(rng, rows, "country", COUNTRIES, COUNTRIES.map(() => 1));
  fillShuffled(rng, rows, "industry", INDUSTRIES, [0.22, 0.2, 0.145, 0.145, 0.145, 0.145]);
  fillShuffled(rng, rows, "company_size", COMPANY_SIZES, [0.68, 0.32]);
  fillShuffled(rng, rows, "role", ROLES, [0.2, 0.25, 0.3, 0.25]);
  const large = (i: number) => rows[i].company_size === LARGE;
  const maturityPull: Readonly<Record<Maturity, (i: number) => number>> = {
    Early: (i) => (large(i) ? 0.6 : 1.2),
    Developing: () => 1,
    Established: () => 1,
    "Fully mature": (i) => (large(i) ? 1.7 : 0.8),
  };
  const maturity = assignLevels(rng, range(N), MATURITY, [0.14, 0.31, 0.32, 0.23], (i, level) => maturityPull[level](i));
  writeColumn(rows, "guardrail_maturity", maturity);
  return rows;
}

/**
 * Deployment status: live counts exact per country (published US 67%, Brazil 76%, overall 62%);
 * live + piloting + planning within 12 months = 88% (published "expect production within 12 months").
 *
 * @example
 * agentStatus(rng, rows);
 */
export function agentStatus(rng: Rng, rows: Draft): void {
  const status = new Map<number, string>();
  for (const country of COUNTRIES) {
    const members = where(rows, "country", country);
    const [k] = allocateCounts(members.length, [LIVE_RATE[country], 1 - LIVE_RATE[country]]);
    const pull = (i: number) => LIVE_PULL[rows[i].guardrail_maturity as Maturity];
    for (const i of pickWeighted(rng, members, pull, k)) status.set(i, LIVE);
  }
  const rest = range(N).filter((i) => !status.has(i));
  const noPlans = N - Math.round(N * 0.88);
  const pilots = Math.round((rest.length - noPlans) * 0.55);
  const early = (i: number) => rows[i].guardrail_maturity === "Early";
  const others = assignLevels(rng, rest, STATUS.slice(1), [pilots, rest.length - noPlans - pilots, noPlans], (i, level) =>
    level === STATUS[3] ? (early(i) ? 2 : 1) : 1,
  );
  for (const [i, level] of others) status.set(i, level);
  writeColumn(rows, "agent_status", status);
}

/**
 * Rollbacks among the live: exact counts per maturity level (81% for "Fully mature", 74% overall),
 * country totals near 74% (Brazil 80%) via logit raking of the country × maturity cells, and
 * larger firms slightly more likely to have rolled back within each cell.
 *
 * @example
 * rollbacks(rng, rows);
 */
export function rollbacks(rng: Rng, rows: Draft): void {
  const live = where(rows, "agent_status", LIVE);
  const cells = COUNTRIES.map((c) => MATURITY.map((m) => live.filter((i) => rows[i].country === c && rows[i].guardrail_maturity === m)));
  const nCell = cells.map((row) => row.map((members) => members.length));
  const nLevel = MATURITY.map((_, j) => nCell.reduce((s, row) => s + row[j], 0));
  const levelTotals = MATURITY.map((m, j) => (m === "Established" ? 0 : nLevel[j] * ROLLBACK_RATE[m]));
  const total = Math.round(live.length * ROLLBACK_OVERALL);
  levelTotals[2] = total - levelTotals.reduce((a, b) => a + b, 0);
  const nCountry = nCell.map((row) => row.reduce((a, b) => a + b, 0));
  const brazil = COUNTRIES.indexOf("Brazil");
  const raw = COUNTRIES.map((c, r) => nCountry[r] * ROLLBACK_COUNTRY_RATE[c]);
  const scale = (total - raw[brazil]) / raw.reduce((s, x, r) => (r === brazil ? s : s + x), 0);
  const countryTotals = raw.map((x, r) => (r === brazil ? x : x * scale));
  const rates = fitCellRates(nCell, countryTotals, levelTotals);

  const answer = new Map<number, string>(live.map((i) => [i, "No"]));
  const sizePull = (i: number) => (rows[i].company_size === LARGE ? 1.15 : 1);
  cells.forEach((row, r) =>
    row.forEach((members, j) => {
      for (const i of pickWeighted(rng, members, sizePull, Math.round(members.length * rates[r][j]))) answer.set(i, "Yes");
    }),
  );
  // Rounding per cell can leave a level a row or two off its exact count: settle it at random.
  MATURITY.forEach((m, j) => {
    const members = live.filter((i) => rows[i].guardrail_maturity === m);
    const target = Math.round(levelTotals[j]);
    const yes = members.filter((i) => answer.get(i) === "Yes");
    const diff = target - yes.length;
    const pool = diff > 0 ? members.filter((i) => answer.get(i) === "No") : yes;
    for (const i of pickWeighted(rng, pool, () => 1, Math.abs(diff))) answer.set(i, diff > 0 ? "Yes" : "No");
  });
  writeColumn(rows, "rolled_back", answer);

  const rolledBack = leaveBlanks(rng, where(rows, "rolled_back", "Yes"), 0.02);
  const cause = new Map<number, string>();
  let exposureLeft = Math.round(rolledBack.length * CAUSE_SHARES[0]);
  for (const [countries, rate] of EXPOSURE_BY_REGION) {
    const members = rolledBack.filter((i) => countries.includes(rows[i].country));
    const k = Math.round(members.length * rate);
    for (const i of pickWeighted(rng, members, () => 1, k)) cause.set(i, CAUSES[0]);
    exposureLeft -= k;
  }
  const elsewhere = rolledBack.filter((i) => !EXPOSURE_BY_REGION.some(([c]) => c.includes(rows[i].country)));
  for (const i of pickWeighted(rng, elsewhere, () => 1, exposureLeft)) cause.set(i, CAUSES[0]);
  const rest = rolledBack.filter((i) => !cause.has(i));
  const restCounts = allocateCounts(rolledBack.length, CAUSE_SHARES).slice(1);
  for (const [i, level] of assignLevels(rng, rest, CAUSES.slice(1), restCounts)) cause.set(i, level);
  writeColumn(rows, "rollback_cause", cause);
}
