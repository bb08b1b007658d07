// GET /api/admin/workspaces – the workspaces the caller administers (with their members);
// POST {name} – create a workspace, the creator becomes its admin
import { z } from "zod";
import { createWorkspace, listMembers, setMembership } from "@/lib/auth/identity";
import { rolesFor } from "@/lib/auth/permissions";
import { getIdentity } from "@/lib/auth/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listUserWorkspaces } from "@/lib/auth/workspaces";
import { readJson } from "@/lib/server/read-json";
import { workspaceCreatedResponseSchema, workspaceListResponseSchema } from "@/lib/schema/admin";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

const ADMINS = rolesFor("users:manage");
const createSchema = z.object({ name: z.string().trim().min(1).max(100) });

export const GET = route(async (req) => {
  const viewer = await requireViewer(req, ADMINS);
  const id = await getIdentity();
  // a token is bound to its workspace; a session sees every workspace its user administers
  const mine = (await listUserWorkspaces(id.sql, viewer.userId)).filter((w) => w.role === "admin" && (viewer.via === "session" || w.id === viewer.workspaceId));
  const workspaces = await Promise.all(mine.map(async (w) => ({ id: w.id, name: w.name, current: w.id === viewer.workspaceId, members: await listMembers(id.sql, w.id) })));
  return respond(workspaceListResponseSchema, { workspaces });
});

export const POST = route(async (req) => {
  const viewer = await requireViewer(req, ADMINS);
  const body = createSchema.parse(await readJson(req, 4 * 1024));
  const id = await getIdentity();
  const ws = await createWorkspace(id.sql, body.name);
  await setMembership(id.sql, viewer.userId, ws.id, "admin");
  await audit(viewer, { action: "workspaces:create", resourceType: "workspace", resourceId: ws.id, result: "ok", detail: { name: body.name } }, req);
  return respond(workspaceCreatedResponseSchema, { workspace: { ...ws, role: "admin" } }, 201);
});
