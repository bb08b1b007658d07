// POST /api/account-links/check {token} – public: whether a one-time account link can still be used
// (the set-password page asks before showing its form). Says nothing about any account.
import { z } from "zod";
import { accountLinkIsUsable } from "@/lib/auth/account-links";
import { getIdentity } from "@/lib/auth/server";
import { accountLinkCheckResponseSchema } from "@/lib/schema/admin";
import { readJson } from "@/lib/server/read-json";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ token: z.string().max(200) });

export const POST = route(async (req) => {
  const body = bodySchema.parse(await readJson(req, 1024));
  return respond(accountLinkCheckResponseSchema, { usable: await accountLinkIsUsable((await getIdentity()).sql, body.token) });
});
