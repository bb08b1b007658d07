import "server-only";
import { getEnv } from "@/lib/schema/env";
import { AppError } from "@/lib/schema/errors";
import { DuckDbStore, PostgresStore, getStore } from "@/lib/store";
import { createIdentity, publicOrigin, resolveAuthSecret, type Identity } from "./auth";
import { openIdentityPool } from "./pg";

const g = globalThis as unknown as { __surveyscopeIdentity?: Promise<Identity> };

/** The app's public origin (BETTER_AUTH_URL, else http://localhost:PORT). */
export function appOrigin(): string {
  return publicOrigin(getEnv());
}

/** The process-wide identity (better-auth + SQL) over the store's database. */
export function getIdentity(): Promise<Identity> {
  if (!g.__surveyscopeIdentity) {
    g.__surveyscopeIdentity = (async () => {
      const env = getEnv();
      const store = await getStore();
      const common = {
        secret: resolveAuthSecret(env.DATA_DIR, env.BETTER_AUTH_SECRET),
        baseURL: appOrigin(),
        loginMaxAttempts: env.AUTH_LOGIN_MAX_ATTEMPTS,
        loginWindowSeconds: env.AUTH_LOGIN_WINDOW_SECONDS,
      };
      // compare by kind, not instanceof: Next bundles server components and route handlers
      // separately, so the process-wide store may come from another copy of the class
      if (store.kind === "duckdb") return createIdentity({ ...common, instance: (store as DuckDbStore).duckdbInstance });
      if (store.kind === "postgres" && env.DATABASE_URL) {
        // identity tables sit beside the store's tables (same schema); the sign-in limiter, the
        // query budget and the release history live there too, shared by every instance
        return createIdentity({ ...common, pool: await openIdentityPool(env.DATABASE_URL, (store as PostgresStore).schema) });
      }
      throw new AppError("internal", "no database for authentication");
    })();
    g.__surveyscopeIdentity.catch(() => {
      g.__surveyscopeIdentity = undefined;
    });
  }
  return g.__surveyscopeIdentity;
}

export async function getAuth() {
  return (await getIdentity()).auth;
}
