import { createRng, type Rng } from "../lib/prng";
import { assertRowsMatchColumns } from "../lib/columns";
import { poststratify } from "../lib/poststratify";
import { type Draft, fillDates, fillShuffled, leaveBlanks, range, where, writeColumn } from "../lib/draft";
import { assignLevels, cutByRank, normal } from "../lib/sampling";
import { allocateMulti } from "../lib/multi";
import { AGREE, AUTH, COLUMNS, CONFIRMED, CONTROLS, FUNCTIONS, INDUSTRIES, REGIONS, ROLES, SIZES, YES_NO, YES_NO_DK } from "./columns";
import { N, PUBLISHED as P, SEED, weightingTargets } from "./targets";

const US = (rows: Draft, i: number) => rows[i].region === REGIONS[0];

/**
 * The synthetic Akeyless-like respondents (n = 400, 376 agent users), weights included.
 * Deterministic: the same rows on every call.
 *
 * @example
 * const rows = buildAiAgentIdentity(); // 400 records
 */
export function buildAiAgentIdentity(): Draft {
  const rng = createRng(SEED);
  const rows: Draft = range(N).map((i) => ({ respondent_id: `A${String(i + 1).padStart(4, "0")}` }));
  fillDates(rng, rows, "field_date", "2026-03-09", "2026-04-17");
  fillShuffled(rng, rows, "region", REGIONS, [0.5, 0.5]);
  fillShuffled(rng, rows, "industry", INDUSTRIES, [0.21, 0.19, 0.15, 0.16, 0.14, 0.15]);
  fillShuffled(rng, rows, "company_size", SIZES, [0.2, 0.45, 0.35]);
  fillShuffled(rng, rows, "job_function", FUNCTIONS, [0.5, 0.5]);
  fillShuffled(rng, rows, "role", ROLES, [0.15, 0.25, 0.32, 0.28]);
  const small = (i: number) => rows[i].company_size === SIZES[0];
  writeColumn(rows, "uses_ai_agents", assignLevels(rng, range(N), YES_NO, [P.usesAgents, 1 - P.usesAgents], (i, l) => (l === "Yes" && small(i) ? 0.6 : 1)));
  exposure(rng, rows);
  amounts(rng, rows);
  attitudes(rng, rows);
  const weights = poststratify(rows, ["region", "company_size"], weightingTargets());
  rows.forEach((row, i) => {
    row.weight = weights[i].toFixed(6);
  });
  const ordered = rows.map((row) => Object.fromEntries(COLUMNS.map((c) => [c.column, row[c.column] ?? ""])));
  assertRowsMatchColumns(COLUMNS, ordered);
  return ordered;
}

/** Sensitive access, out-of-scope suspicion (67%), revocations, controls, blast radius. */
function exposure(rng: Rng, rows: Draft): void {
  const users = where(rows, "uses_ai_agents", "Yes");
  const sens = assignLevels(rng, users, YES_NO_DK, [P.accessSensitive, 0.105, 0.045]);
  writeColumn(rows, "agents_access_sensitive", sens);
  const suspect = assignLevels(rng, users, YES_NO_DK, [P.suspectOutOfScope, 0.255, 0.075], (i, l) =>
    l === "Yes" ? (US(rows, i) ? 1.25 : 0.85) * (sens.get(i) === "Yes" ? 1.3 : 0.6) : 1,
  );
  writeColumn(rows, "suspect_out_of_scope", suspect);
  const suspecting = users.filter((i) => suspect.get(i) === "Yes");
  writeColumn(rows, "out_of_scope_confirmed", assignLevels(rng, suspecting, CONFIRMED, [0.3, 0.7]));
  const revoked = assignLevels(rng, users, YES_NO, [P.revokedCredentials, 1 - P.revokedCredentials], (i, l) =>
    l === "Yes" ? (suspect.get(i) === "Yes" ? 1.5 : 0.7) * (US(rows, i) ? 1.1 : 0.9) : 1,
  );
  writeColumn(rows, "revoked_credentials", revoked);
  const controls = assignLevels(rng, users, CONTROLS, [P.controlsWouldStop, 0.47, 0.34, 0.12], (i, l) =>
    l === CONTROLS[0] && suspect.get(i) === "Yes" ? 0.5 : 1,
  );
  writeColumn(rows, "controls_would_stop", controls);
  writeColumn(rows, "single_credential_blast_radius", assignLevels(rng, users, YES_NO_DK, [P.blastRadius, 0.12, 0.06]));
  const authShares = [0.44, 0.35, 0.48, 0.3, 0.27, 0.22];
  const auth = allocateMulti(
    rng,
    leaveBlanks(rng, users, 0.02),
    AUTH.map((code, j) => ({ code, share: authShares[j] })),
  );
  writeColumn(rows, "agent_auth_methods", auth);
}

/** Lognormal amounts rescaled to a published mean, rounded to `step`. */
function lognormals(rng: Rng, answered: readonly number[], sigma: number, mean: number, step: number, scale: (i: number) => number): Map<number, string> {
  const raw = answered.map((i) => Math.exp(sigma * normal(rng)) * scale(i));
  const factor = mean / (raw.reduce((a, b) => a + b, 0) / raw.length);
  const digits = step < 1 ? 1 : 0;
  return new Map(answered.map((i, j) => [i, (Math.max(step, Math.round((raw[j] * factor) / step) * step)).toFixed(digits)]));
}

/** Detection hours (mean 14), remediation days (mean ≈ 7), spend (mean ≈ $1.1M). */
function amounts(rng: Rng, rows: Draft): void {
  const users = where(rows, "uses_ai_agents", "Yes");
  const slower = (i: number) => (rows[i].controls_would_stop === CONTROLS[0] ? 0.6 : rows[i].controls_would_stop === "No" ? 1.3 : 1);
  writeColumn(rows, "detect_hours", lognormals(rng, leaveBlanks(rng, users, 0.03), 1.06, P.detectHours, 0.5, slower));
  writeColumn(rows, "remediation_days", lognormals(rng, leaveBlanks(rng, users, 0.08), 0.94, P.remediationDays, 0.5, slower));
  const bySize = (i: number) => [0.5, 1, 1.8][SIZES.indexOf(rows[i].company_size as (typeof SIZES)[number])];
  writeColumn(rows, "identity_spend_usd", lognormals(rng, leaveBlanks(rng, users, 0.06), 1.1, P.spendUsd, 1000, bySize));
}

/** Three agreement items on one latent "control maturity" factor. */
function attitudes(rng: Rng, rows: Draft): void {
  const users = where(rows, "uses_ai_agents", "Yes");
  const factor = rows.map((row) => normal(rng) + (row.controls_would_stop === CONTROLS[0] ? 0.8 : row.controls_would_stop === "No" ? -0.4 : 0));
  const items: readonly [string, readonly number[]][] = [
    ["agree_visibility", [0.12, 0.3, 0.25, 0.25, 0.08]],
    ["agree_least_privilege", [0.1, 0.28, 0.27, 0.27, 0.08]],
    ["agree_iam_fit", [0.18, 0.34, 0.22, 0.2, 0.06]],
  ];
  for (const [column, shares] of items) {
    const score = factor.map((f) => 0.65 * f + 0.76 * normal(rng));
    writeColumn(rows, column, cutByRank(leaveBlanks(rng, users, 0.02), score, AGREE, shares));
  }
}
