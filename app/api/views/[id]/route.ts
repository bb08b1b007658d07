// GET /api/views/{id} – one saved view of the workspace; DELETE – remove it (pinned tiles then say so)
import { AppError } from "@/lib/schema/errors";
import { audit } from "@/lib/server/audit";
import { authorize } from "@/lib/server/authorize";
import { viewResponseSchema } from "@/lib/schema/views";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";
import { requireView, viewsSql } from "@/lib/views/access";
import { deleteView } from "@/lib/store";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authorize(req, "views:read");
  return respond(viewResponseSchema, { view: await requireView(viewer, id) });
});

export const DELETE = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authorize(req, "views:save");
  const view = await requireView(viewer, id);
  if (!(await deleteView(await viewsSql(), viewer.workspaceId, view.id))) throw new AppError("not_found", `saved view not found: ${id}`);
  await audit(viewer, { action: "view:delete", resourceType: "view", resourceId: view.id, result: "ok", detail: { dataset: view.datasetId, name: view.name } }, req);
  return new Response(null, { status: 204 });
});
