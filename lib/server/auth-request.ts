import "server-only";
import type { Identity } from "@/lib/auth/auth";
import { clientAddress, withClientAddress, type TrustedProxies } from "@/lib/auth/client-address";
import { emailSchema } from "@/lib/auth/identity";
import type { LoginLimiter } from "@/lib/auth/login-limiter";
import { resolveViewer } from "@/lib/auth/viewer-core";
import { recordAudit } from "./audit";

/**
 * Every request to better-auth (`/api/auth/*`) passes here:
 * - the client address is resolved by the trusted-proxy rule and handed to better-auth in a private
 *   header; the client's own `X-Forwarded-For`/`X-Real-IP` never reach it (its per-address limit
 *   and the sessions' recorded address use the resolved one);
 * - `POST /sign-in/email` meets the per-account back-off first (`login-limiter.ts`): 429 +
 *   `Retry-After`, the password not even checked;
 * - sign-in and sign-out are audited: only an authenticated actor is named (the user who signed in,
 *   the session that signed out); a failed or anonymous attempt records no actor, the attempted
 *   email only as `detail.attemptedEmail` of a failed sign-in. The address is the resolved one.
 */
export async function handleAuthRequest(id: Identity, req: Request, opts: { proxies: TrustedProxies; limiter: LoginLimiter }): Promise<Response> {
  const address = clientAddress(req.headers, opts.proxies);
  const clean = withClientAddress(req, address);
  const path = new URL(req.url).pathname;
  if (req.method !== "POST" || !/\/(sign-in|sign-out)(\/|$)/.test(path)) return id.auth.handler(clean);

  if (path.includes("sign-out")) {
    const viewer = await resolveViewer(id, req.headers).catch(() => null);
    const res = await id.auth.handler(clean);
    await recordAudit(id.sql, viewer, { action: "auth:sign-out", result: viewer && res.ok ? "ok" : "failed", detail: { status: res.status } }, address).catch(() => undefined);
    return res;
  }

  const raw = await clean
    .clone()
    .json()
    .then((b: unknown) => (b && typeof b === "object" && typeof (b as { email?: unknown }).email === "string" ? (b as { email: string }).email : null))
    .catch(() => null);
  const email = raw === null ? null : (emailSchema.safeParse(raw).data ?? null);
  if (email && path.endsWith("/sign-in/email")) {
    const gate = await opts.limiter.attempt(email, address);
    if (!gate.allowed) {
      await recordAudit(id.sql, null, { action: "auth:sign-in", result: "denied", detail: { status: 429, attemptedEmail: email } }, address).catch(() => undefined);
      return new Response(JSON.stringify({ code: "TOO_MANY_REQUESTS", message: "Too many failed sign-in attempts for this account; try again later." }), {
        status: 429,
        headers: { "content-type": "application/json", "retry-after": String(gate.retryAfter), "x-retry-after": String(gate.retryAfter) },
      });
    }
  }
  const res = await id.auth.handler(clean);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const viewer = res.ok && cookie ? await resolveViewer(id, new Headers({ cookie })).catch(() => null) : null;
  if (viewer && email && path.endsWith("/sign-in/email")) await opts.limiter.succeeded(email, address);
  await recordAudit(
    id.sql,
    viewer,
    { action: "auth:sign-in", result: viewer ? "ok" : "failed", detail: viewer ? { status: res.status } : { status: res.status, attemptedEmail: email ?? (raw ? String(raw).slice(0, 200) : null) } },
    address,
  ).catch(() => undefined);
  return res;
}
