// /api/auth/* – better-auth: POST sign-in/email, POST sign-out, GET get-session. The client address
// comes from the trusted-proxy rule (TRUSTED_PROXIES); sign-in meets a per-address limit (better-auth,
// counted in the store's database) and a per-account back-off; sign-in and sign-out are audited,
// naming only authenticated actors (lib/server/auth-request.ts).
import { loginLimiter } from "@/lib/auth/login-limiter";
import { getIdentity } from "@/lib/auth/server";
import { getEnv } from "@/lib/schema/env";
import { trustedProxies } from "@/lib/server/audit";
import { handleAuthRequest } from "@/lib/server/auth-request";

export const dynamic = "force-dynamic";

async function handle(req: Request): Promise<Response> {
  const env = getEnv();
  const id = await getIdentity();
  const limiter = loginLimiter(id.sql, { freeFailures: env.AUTH_LOGIN_FREE_FAILURES, accountFreeFailures: env.AUTH_LOGIN_ACCOUNT_FREE_FAILURES });
  return handleAuthRequest(id, req, { proxies: trustedProxies(), limiter });
}

export const GET = handle;
export const POST = handle;
