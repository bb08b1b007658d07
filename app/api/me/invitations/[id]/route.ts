// DELETE /api/me/invitations/{id} – decline one of the signed-in user's invitations
import { answerInvitation } from "@/lib/auth/identity";
import { getIdentity } from "@/lib/auth/server";
import { requireViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/schema/errors";
import { audit } from "@/lib/server/audit";
import { invitationDeclinedResponseSchema } from "@/lib/schema/admin";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const DELETE = route<{ id: string }>(async (req, { id }) => {
  const viewer = await requireViewer(req);
  if (viewer.via !== "session") throw new AppError("bad_request", "answer an invitation in a signed-in session, not with an API token");
  const inv = await answerInvitation((await getIdentity()).sql, viewer.userId, id, false);
  if (!inv) throw new AppError("not_found", `invitation not found: ${id}`);
  await audit(viewer, { action: "members:decline", resourceType: "invitation", resourceId: inv.id, result: "ok", detail: { invitedTo: inv.workspaceId, role: inv.role } }, req);
  return respond(invitationDeclinedResponseSchema, { declined: inv.id });
});
