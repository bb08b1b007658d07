/**
 * The rows of the per-account sign-in back-off (lib/auth/login-limiter.ts holds the rule): buckets
 * of consecutive failures and "known address" marks, kept in `rate_limits` beside better-auth's
 * per-address windows, so every instance shares them.
 */
import { exclusive, type SqlRunner } from "../runner/sql-runner";

/** every key of the sign-in back-off starts with this */
export const LOGIN_KEY_PREFIX = "login:";
/** a "this address signed in to this account" mark */
export const KNOWN_LOGIN_KEY_PREFIX = "login:known:";
/** how long a known-address mark lives (the prune in rate-limits.ts keeps it that long) */
export const KNOWN_LOGIN_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Count one attempt on the bucket `key` at `t` unless `waitFor(failures, lastFailureAt)` says it
 * must wait; answers that wait in ms (0 = counted). Serialised per process and row-locked on
 * PostgreSQL, so concurrent attempts on any instance cannot slip past.
 *
 * @example await takeLoginAttempt(sql, "login:pair:…|198.51.100.4", Date.now(), () => 0) // 0
 */
export function takeLoginAttempt(sql: SqlRunner, key: string, t: number, waitFor: (failures: number, last: number) => number): Promise<number> {
  return exclusive(sql, () =>
    sql.transaction(async (tx) => {
      await tx.all(`INSERT INTO rate_limits (key, count, window_start) VALUES ($1, 0, CAST($2 AS FLOAT8)) ON CONFLICT (key) DO NOTHING`, [key, t]);
      const lock = sql.dialect === "postgres" ? " FOR UPDATE" : "";
      const row = (await tx.all(`SELECT count, window_start FROM rate_limits WHERE key = $1${lock}`, [key]))[0];
      const wait = waitFor(Number(row?.count ?? 0), Number(row?.window_start ?? 0));
      if (wait > 0) return wait;
      await tx.all(`UPDATE rate_limits SET count = count + 1, window_start = CAST($2 AS FLOAT8) WHERE key = $1`, [key, t]);
      return 0;
    }),
  );
}

/** Whether the mark `key` was set at or after `since` (ms). @example await isKnownLoginAddress(sql, "login:known:…", 0) // false */
export async function isKnownLoginAddress(sql: SqlRunner, key: string, since: number): Promise<boolean> {
  const rows = await sql.all(`SELECT 1 AS x FROM rate_limits WHERE key = $1 AND window_start >= CAST($2 AS FLOAT8)`, [key, since]);
  return rows.length > 0;
}

/** A successful sign-in: delete the `clear` buckets and (when given) set the mark `knownKey` at `t`, in one transaction. */
export function recordLoginSuccess(sql: SqlRunner, clear: readonly string[], knownKey: string | null, t: number): Promise<void> {
  return exclusive(sql, () =>
    sql.transaction(async (tx) => {
      for (const key of clear) await tx.all(`DELETE FROM rate_limits WHERE key = $1`, [key]);
      if (knownKey) {
        await tx.all(
          `INSERT INTO rate_limits (key, count, window_start) VALUES ($1, 1, CAST($2 AS FLOAT8)) ON CONFLICT (key) DO UPDATE SET count = 1, window_start = excluded.window_start`,
          [knownKey, t],
        );
      }
    }),
  );
}
