// /api/auth/* – better-auth: POST sign-in/email, POST sign-out, GET get-session (rate-limited in-process)
import { getAuth } from "@/lib/auth/server";

export const dynamic = "force-dynamic";

async function handle(req: Request): Promise<Response> {
  return (await getAuth()).handler(req);
}

export const GET = handle;
export const POST = handle;
