import path from "node:path";
import { z } from "zod";

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
  /** sign-in attempts allowed per client IP per window */
  AUTH_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  AUTH_LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
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
