// POST /api/account-links/redeem {token, password} – public: use a one-time account link to set the
// account's password (an invited user's first one, or a reset; sessions revoked). Single use; an
// unknown, used or expired link answers one and the same 400. Audited in the link's workspace.
import { z } from "zod";
import { redeemAccountLinkWith } from "@/lib/auth/account-links";
import { getMembership, userById } from "@/lib/auth/identity";
import { getIdentity } from "@/lib/auth/server";
import { accountLinkRedeemedResponseSchema } from "@/lib/schema/admin";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { audit } from "@/lib/server/audit";
import { readJson } from "@/lib/server/read-json";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ token: z.string().max(200), password: z.string().max(1000) });

export const POST = route(async (req) => {
  const body = bodySchema.parse(await readJson(req, 4 * 1024));
  const id = await getIdentity();
  const link = await redeemAccountLinkWith(id, body.token, body.password);
  const user = await userById(id.sql, link.userId);
  const member = await getMembership(id.sql, link.userId, link.workspaceId);
  // the link authenticated its holder: they are the actor of this record, in the link's workspace
  const actor = user && member ? { userId: user.id, email: user.email, workspaceId: member.workspaceId, role: member.role, via: "session" as const } : null;
  await audit(actor, { action: link.purpose === "invite" ? "account:invite-accepted" : "account:password-reset", resourceType: "user", resourceId: link.userId, result: "ok", detail: { workspaceId: link.workspaceId ?? DEFAULT_WORKSPACE_ID } }, req);
  return respond(accountLinkRedeemedResponseSchema, { email: user?.email ?? "", purpose: link.purpose });
});
