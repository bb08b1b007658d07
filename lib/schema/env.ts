import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/auth/client-address";

/** Server configuration, read once from the environment and validated. Documented in `.env.example`. */
export const envSchema = z.object({
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  /** largest accepted upload in bytes (default 1 GiB) */
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(1024 * 1024 * 1024),
  /** minimum effective base below which cells are flagged "low base" */
  MIN_EFFECTIVE_BASE: z.coerce.number().positive().default(30),
  /** cells with fewer respondents are shown as "< k" everywhere (at least 3) */
  DISCLOSURE_K: z.coerce.number().int().min(3).default(5),
  /** first-start admin account (seed); when absent a one-time password is generated and printed */
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "ADMIN_PASSWORD must be at least 12 characters").max(128).optional(),
  /** signs session cookies; when absent one is generated once and kept in DATA_DIR/auth-secret */
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
  /** the public origin of the app (cookies, CSRF origin check); default http://localhost:PORT */
  BETTER_AUTH_URL: z.string().url().optional(),
  /**
   * reverse proxies whose X-Forwarded-For hop is believed: IPs and CIDR ranges, comma- or
   * space-separated (e.g. "127.0.0.1, 10.0.0.0/8"); default none = the TCP peer's address is the
   * client's (lib/auth/client-address.ts)
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine((v) => {
      try {
        parseTrustedProxies(v);
        return true;
      } catch {
        return false;
      }
    }, "TRUSTED_PROXIES must list IP addresses or CIDR ranges"),
  /** sign-in attempts allowed per client address per window (every account together) */
  AUTH_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(30),
  AUTH_LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** failed sign-ins per (account, address) before the exponential back-off starts (lib/auth/login-limiter.ts) */
  AUTH_LOGIN_FREE_FAILURES: z.coerce.number().int().positive().default(5),
  /** failed sign-ins per account from addresses it never signed in from, before its back-off starts */
  AUTH_LOGIN_ACCOUNT_FREE_FAILURES: z.coerce.number().int().positive().default(20),
  /** per-user query budget for breakdowns and exports (token bucket; 0 = off) */
  QUERY_BUDGET_PER_MINUTE: z.coerce.number().int().nonnegative().default(600),
  QUERY_BUDGET_BURST: z.coerce.number().int().positive().default(120),
});
export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment (cached). Throws a readable error listing every bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid environment: ${lines.join("; ")}`);
  }
  cached = { ...parsed.data, DATA_DIR: path.resolve(parsed.data.DATA_DIR) };
  return cached;
}
