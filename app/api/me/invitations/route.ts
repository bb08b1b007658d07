// GET /api/me/invitations – the signed-in user's pending invitations to other workspaces
import { listInvitations } from "@/lib/auth/identity";
import { getIdentity } from "@/lib/auth/server";
import { requireViewer } from "@/lib/auth/viewer";
import { invitationListResponseSchema } from "@/lib/schema/admin";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const viewer = await requireViewer(req);
  const invitations = await listInvitations((await getIdentity()).sql, viewer.userId);
  return respond(invitationListResponseSchema, { invitations: invitations.map(({ id, workspaceId, workspaceName, role }) => ({ id, workspaceId, workspaceName, role })) });
});
