// GET /api/me – the caller (email, role, current workspace) and the workspaces they belong to
import { requireViewer, viewerWorkspaces } from "@/lib/auth/viewer";
import { meResponseSchema } from "@/lib/schema/me";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const viewer = await requireViewer(req);
  return respond(meResponseSchema, { email: viewer.email, role: viewer.role, workspaceId: viewer.workspaceId, via: viewer.via, workspaces: await viewerWorkspaces(viewer) });
});
