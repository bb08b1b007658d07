// /api/auth/* – better-auth: POST sign-in/email, POST sign-out, GET get-session (rate-limited in-process);
// every sign-in attempt and sign-out is written to the audit trail (email and result, never the password)
import { getAuth } from "@/lib/auth/server";
import { audit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

async function handle(req: Request): Promise<Response> {
  const path = new URL(req.url).pathname;
  if (req.method !== "POST" || !/\/(sign-in|sign-out)/.test(path)) return (await getAuth()).handler(req);
  const email = await req
    .clone()
    .json()
    .then((b: unknown) => (b && typeof b === "object" && typeof (b as { email?: unknown }).email === "string" ? String((b as { email: string }).email).slice(0, 200) : null))
    .catch(() => null);
  const res = await (await getAuth()).handler(req);
  const action = path.includes("sign-out") ? "auth:sign-out" : "auth:sign-in";
  await audit(null, { action, result: res.ok ? "ok" : "failed", actorEmail: email, detail: { status: res.status } }, req).catch(() => undefined);
  return res;
}

export const GET = handle;
export const POST = handle;
