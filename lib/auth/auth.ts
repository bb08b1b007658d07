import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { sqlRateLimitStorage, type AppDatabase, type SqlRunner } from "@/lib/store";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { refuseDeactivated } from "./account-status";

export type AuthDatabase = {
  /** the store's application tables: its DuckDB instance or its PostgreSQL pool (`store.app`) */
  db: AppDatabase;
};

export type CreateAuthOptions = AuthDatabase & {
  /** cookie-signing secret (>= 32 chars) */
  secret: string;
  /** public origin, e.g. http://localhost:3000 */
  baseURL: string;
  /** sign-in attempts per client address per window (all accounts); default 5 per 60 s here, AUTH_LOGIN_MAX_ATTEMPTS in the app */
  loginMaxAttempts?: number;
  loginWindowSeconds?: number;
  /** public `POST /api/auth/sign-up/email`; off in the app (admins create users), on in some tests */
  allowSignUp?: boolean;
};

/** Session lifetime: expires after 8 h without use; refreshed at most every 15 min of activity. */
export const SESSION_EXPIRES_IN_SECONDS = 8 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 15 * 60;

/**
 * The better-auth configuration of Surveyscope: email + password (scrypt hashes, better-auth's
 * default), database sessions in the store's database (no cookie cache, so logout, password reset
 * and removed accounts take effect on the next request), a rate limit that is on in every
 * environment (tighter on sign-in) and counted in the store's database (`rate_limits`, shared by
 * every instance), and secure cookies whenever the public URL is https.
 */
/** An origin plus its loopback twin (localhost ⇄ 127.0.0.1), so both addresses of a local install sign in. */
export function loopbackAliases(origin: string): string[] {
  const u = new URL(origin);
  if (u.hostname !== "localhost" && u.hostname !== "127.0.0.1") return [origin];
  const twin = new URL(origin);
  twin.hostname = u.hostname === "localhost" ? "127.0.0.1" : "localhost";
  return [u.origin, twin.origin];
}

export function createAuth(opts: CreateAuthOptions, sql: SqlRunner = opts.db.sql) {
  const loginRule = { window: opts.loginWindowSeconds ?? 60, max: opts.loginMaxAttempts ?? 5 };
  return betterAuth({
    appName: "Surveyscope",
    baseURL: opts.baseURL,
    basePath: "/api/auth",
    secret: opts.secret,
    trustedOrigins: loopbackAliases(new URL(opts.baseURL).origin),
    database: opts.db.auth,
    user: { modelName: "auth_user" },
    session: {
      modelName: "auth_session",
      expiresIn: SESSION_EXPIRES_IN_SECONDS,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
    },
    account: { modelName: "auth_account" },
    verification: { modelName: "auth_verification" },
    emailAndPassword: {
      enabled: true,
      disableSignUp: !opts.allowSignUp,
      autoSignIn: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
    },
    rateLimit: {
      enabled: true,
      customStorage: sqlRateLimitStorage(sql),
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": loginRule,
        "/sign-up/email": loginRule,
      },
    },
    advanced: {
      useSecureCookies: opts.baseURL.startsWith("https:"),
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
      // set by lib/server/auth-request.ts from the trusted-proxy rule (client-sent forwarding headers are dropped)
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    // a deactivated account gets no session (lib/auth/account-status.ts)
    databaseHooks: { session: { create: { before: refuseDeactivated(sql) } } },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** better-auth plus the SQL runner over the same database (workspaces, memberships, tokens, sharing). */
export interface Identity {
  auth: Auth;
  sql: SqlRunner;
}

/** @example createIdentity({ db: store.app, secret, baseURL }) */
export function createIdentity(opts: CreateAuthOptions): Identity {
  const sql = opts.db.sql;
  return { auth: createAuth(opts, sql), sql };
}

/**
 * The cookie-signing secret: BETTER_AUTH_SECRET, else one generated on first start and kept in
 * DATA_DIR/auth-secret (mode 0600) so sessions survive restarts.
 */
export function resolveAuthSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    // another process wrote it first: use theirs
    return fs.readFileSync(file, "utf8").trim();
  }
}

/** The app's public origin: BETTER_AUTH_URL, else http://localhost:PORT. */
export function publicOrigin(env: { BETTER_AUTH_URL?: string; PORT: number }): string {
  return new URL(env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`).origin;
}
