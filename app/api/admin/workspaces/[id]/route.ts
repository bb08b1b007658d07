// DELETE /api/admin/workspaces/{id} {confirm} – delete a workspace the caller administers (signed-in
// session), with its datasets, views, dashboards, memberships, invitations, tokens and release
// histories, in one transaction; `confirm` must be the workspace's name. The Default workspace and
// the caller's current one are refused (409); not yours → 404. Recorded in the caller's trail.
import { z } from "zod";
import { rolesFor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/schema/errors";
import { requireViewer } from "@/lib/auth/viewer";
import { deleteWorkspaceFor } from "@/lib/auth/workspace-deletion";
import { workspaceDeletedResponseSchema } from "@/lib/schema/admin";
import { getStore } from "@/lib/store";
import { audit } from "@/lib/server/audit";
import { readJson } from "@/lib/server/read-json";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ confirm: z.string().max(200) });

export const DELETE = route<{ id: string }>(async (req, { id: workspaceId }) => {
  const viewer = await requireViewer(req, rolesFor("users:manage"));
  if (viewer.via !== "session") throw new AppError("forbidden", "a workspace is deleted in a signed-in session, not with an API token");
  const body = bodySchema.parse(await readJson(req, 4 * 1024));
  const { workspace, deleted } = await deleteWorkspaceFor(await getStore(), viewer, workspaceId, body.confirm);
  const summary = { id: workspace.id, name: workspace.name, datasets: deleted.datasetIds.length, members: deleted.members, views: deleted.views, dashboards: deleted.dashboards };
  await audit(viewer, { action: "workspaces:delete", resourceType: "workspace", resourceId: workspace.id, result: "ok", detail: { ...summary, datasetIds: deleted.datasetIds } }, req);
  return respond(workspaceDeletedResponseSchema, { deleted: summary });
});
