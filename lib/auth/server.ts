import "server-only";
import { getEnv } from "@/lib/schema/env";
import { getStore } from "@/lib/store";
import { createIdentity, publicOrigin, resolveAuthSecret, type Identity } from "./auth";

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
      // identity tables sit beside the store's tables, over the store's own DuckDB instance or
      // pool; the sign-in limiter, the query budget and the release history live there too
      return createIdentity({ ...common, db: store.app });
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
