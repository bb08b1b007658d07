/**
 * Per-account sign-in back-off, shared by every instance (rows of `rate_limits` in the store's
 * database, read and written by the store's login-limits repository). Two buckets, both "consecutive failures → exponential back-off" (never a hard lock):
 *
 * - per account AND address: `freeFailures` failures, then the next try must wait 1 s, 2 s, 4 s, …
 *   up to 15 min after the last failure. This is the guesser's own bucket; a real user elsewhere
 *   does not share it.
 * - per account, from addresses that have never signed in to it successfully (in 30 days):
 *   `accountFreeFailures` failures, then 1 s, 2 s, … up to 5 min. This slows a guesser who rotates
 *   addresses (≈ 12 guesses an hour per account at the cap), but it is skipped for an address the
 *   user has already signed in from, so an attacker hammering the account cannot lock its owner
 *   out: the owner's known address only ever meets its own (account, address) bucket.
 *
 * An attempt is counted before the password is checked (so concurrent tries cannot slip past), and
 * a success clears both buckets and marks the address as known. Unknown emails are counted the same
 * way (no user enumeration by 429). Keys hold a hash of the email, never the email.
 */
import crypto from "node:crypto";
import {
  isKnownLoginAddress,
  KNOWN_LOGIN_KEY_PREFIX,
  KNOWN_LOGIN_RETENTION_MS,
  LOGIN_KEY_PREFIX as STORE_LOGIN_KEY_PREFIX,
  recordLoginSuccess,
  takeLoginAttempt,
  type SqlRunner,
} from "@/lib/store";

export interface LoginLimits {
  /** failures allowed per (account, address) before the back-off starts */
  freeFailures: number;
  /** failures allowed per account from unknown addresses before the back-off starts */
  accountFreeFailures: number;
  baseDelayMs: number;
  pairMaxDelayMs: number;
  accountMaxDelayMs: number;
  /** how long a successful sign-in makes its address "known" for the account */
  knownForMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  freeFailures: 5,
  accountFreeFailures: 20,
  baseDelayMs: 1000,
  pairMaxDelayMs: 15 * 60 * 1000,
  accountMaxDelayMs: 5 * 60 * 1000,
  knownForMs: KNOWN_LOGIN_RETENTION_MS,
};

/** rows of these prefixes live in `rate_limits` beside better-auth's per-address windows */
export const LOGIN_KEY_PREFIX = STORE_LOGIN_KEY_PREFIX;
export const KNOWN_KEY_PREFIX = KNOWN_LOGIN_KEY_PREFIX;

const accountKey = (email: string) => crypto.createHash("sha256").update(email.trim().toLowerCase(), "utf8").digest("hex").slice(0, 32);

/** The wait (ms) a bucket with `n` consecutive failures, the last at `last`, imposes at `t`. */
export function backoffWait(n: number, last: number, t: number, free: number, base: number, cap: number): number {
  if (n < free) return 0;
  return Math.max(0, last + Math.min(cap, base * 2 ** Math.min(40, n - free)) - t);
}

export interface LoginLimiter {
  /** count an attempt for (email, address); `{ allowed: false, retryAfter }` (seconds) when backing off */
  attempt(email: string, address: string | null): Promise<{ allowed: true } | { allowed: false; retryAfter: number }>;
  /** a successful sign-in: clear the buckets and remember the address */
  succeeded(email: string, address: string | null): Promise<void>;
}

/**
 * @example
 * const limiter = loginLimiter(sql);
 * const gate = await limiter.attempt("ana@example.org", "198.51.100.4"); // { allowed: true }
 */
export function loginLimiter(sql: SqlRunner, limits: Partial<LoginLimits> = {}, now: () => number = Date.now): LoginLimiter {
  const L = { ...DEFAULT_LOGIN_LIMITS, ...limits };
  const addr = (a: string | null) => a ?? "unknown";

  /** count one attempt on `key` unless it must wait; the wait in ms (0 = counted) */
  const take = (key: string, free: number, cap: number, t: number) =>
    takeLoginAttempt(sql, key, t, (n, last) => backoffWait(n, last, t, free, L.baseDelayMs, cap));

  return {
    async attempt(email, address) {
      const t = now();
      const acct = accountKey(email);
      const pairWait = await take(`${LOGIN_KEY_PREFIX}pair:${acct}|${addr(address)}`, L.freeFailures, L.pairMaxDelayMs, t);
      if (pairWait > 0) return { allowed: false, retryAfter: Math.ceil(pairWait / 1000) };
      const known = address ? await isKnownLoginAddress(sql, `${KNOWN_KEY_PREFIX}${acct}|${address}`, t - L.knownForMs) : false;
      if (!known) {
        const acctWait = await take(`${LOGIN_KEY_PREFIX}acct:${acct}`, L.accountFreeFailures, L.accountMaxDelayMs, t);
        if (acctWait > 0) return { allowed: false, retryAfter: Math.ceil(acctWait / 1000) };
      }
      return { allowed: true };
    },
    async succeeded(email, address) {
      const t = now();
      const acct = accountKey(email);
      await recordLoginSuccess(sql, [`${LOGIN_KEY_PREFIX}pair:${acct}|${addr(address)}`, `${LOGIN_KEY_PREFIX}acct:${acct}`], address ? `${KNOWN_KEY_PREFIX}${acct}|${address}` : null, t);
    },
  };
}
