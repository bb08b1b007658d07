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
