/**
 * better-auth's rate-limit storage in the store's database (`rate_limits`), so every instance of
 * a multi-instance deployment counts sign-in attempts in the same bucket. One statement per
 * request: an atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` (no lost updates between instances).
 */
import type { BetterAuthOptions } from "better-auth";
import { exclusive, type SqlRunner } from "../runner/sql-runner";
import { KNOWN_LOGIN_KEY_PREFIX, KNOWN_LOGIN_RETENTION_MS } from "./login-limits";

export type RateLimitStorage = NonNullable<NonNullable<BetterAuthOptions["rateLimit"]>["customStorage"]>;

/** Fixed window: the first request opens a window of `window` s; at most `max` requests in it. */
const CONSUME = `
INSERT INTO rate_limits AS r (key, count, window_start) VALUES ($1, 1, CAST($2 AS FLOAT8))
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN r.window_start <= CAST($2 AS FLOAT8) - CAST($3 AS FLOAT8) THEN 1
               ELSE least(r.count + 1, CAST($4 AS INTEGER) + 1) END,
  window_start = CASE WHEN r.window_start <= CAST($2 AS FLOAT8) - CAST($3 AS FLOAT8) THEN CAST($2 AS FLOAT8)
                      ELSE r.window_start END
RETURNING count, window_start`;

/** how often (1 in N consumes) expired windows are deleted */
const PRUNE_EVERY = 200;
/** rows older than this are expired for every rule (the longest window is better-auth's 60 s) */
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * A rate-limit storage over the identity SQL (DuckDB or PostgreSQL), with an injectable clock.
 *
 * @example
 * betterAuth({ rateLimit: { enabled: true, customStorage: sqlRateLimitStorage(sql) } })
 * await sqlRateLimitStorage(sql).consume("1.2.3.4|/sign-in/email", { window: 60, max: 5 }) // { allowed: true, retryAfter: null }
 */
export function sqlRateLimitStorage(sql: SqlRunner, now: () => number = Date.now): RateLimitStorage {
  let calls = 0;
  return {
    async consume(key, rule) {
      const t = now();
      const windowMs = rule.window * 1000;
      const rows = await exclusive(sql, () => sql.all(CONSUME, [key, t, windowMs, rule.max]));
      const count = Number(rows[0]?.count);
      const start = Number(rows[0]?.window_start);
      if (++calls % PRUNE_EVERY === 0) {
        // known sign-in addresses (lib/auth/login-limiter.ts) are kept 30 days, everything else a day
        await exclusive(sql, () =>
          sql.all(`DELETE FROM rate_limits WHERE window_start < CAST($1 AS FLOAT8) AND (key NOT LIKE $2 OR window_start < CAST($3 AS FLOAT8))`, [
            t - Math.max(PRUNE_AFTER_MS, windowMs),
            `${KNOWN_LOGIN_KEY_PREFIX}%`,
            t - KNOWN_LOGIN_RETENTION_MS,
          ]),
        ).catch(() => undefined);
      }
      if (count <= rule.max) return { allowed: true, retryAfter: null };
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((start + windowMs - t) / 1000)) };
    },
  };
}
