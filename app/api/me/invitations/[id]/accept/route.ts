// POST /api/me/invitations/{id}/accept – the signed-in user joins the inviting workspace with the
// invited role. A session only: an API token (which a workspace admin can mint) is not consent.
import { answerInvitation } from "@/lib/auth/identity";
import { getIdentity } from "@/lib/auth/server";
import { requireViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/schema/errors";
import { audit } from "@/lib/server/audit";
import { invitationAcceptedResponseSchema } from "@/lib/schema/admin";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const viewer = await requireViewer(req);
  if (viewer.via !== "session") throw new AppError("bad_request", "accept an invitation in a signed-in session, not with an API token");
  const inv = await answerInvitation((await getIdentity()).sql, viewer.userId, id, true);
  if (!inv) throw new AppError("not_found", `invitation not found: ${id}`);
  // recorded in the joined workspace's trail, so its admins see the consent
  await audit({ ...viewer, workspaceId: inv.workspaceId, role: inv.role }, { action: "members:accept", resourceType: "invitation", resourceId: inv.id, result: "ok", detail: { role: inv.role } }, req);
  return respond(invitationAcceptedResponseSchema, { member: { workspaceId: inv.workspaceId, workspaceName: inv.workspaceName, role: inv.role } });
});
