// POST /api/me/workspace {workspaceId} – switch the signed-in browser to another of the user's
// workspaces (sets the httpOnly `surveyscope_ws` cookie; API tokens are bound to one workspace)
import { z } from "zod";
import { getMembership } from "@/lib/auth/identity";
import { appOrigin, getIdentity } from "@/lib/auth/server";
import { requireViewer } from "@/lib/auth/viewer";
import { WORKSPACE_COOKIE } from "@/lib/auth/workspaces";
import { AppError } from "@/lib/schema/errors";
import { audit } from "@/lib/server/audit";
import { readJson } from "@/lib/server/read-json";
import { workspaceSwitchResponseSchema } from "@/lib/schema/me";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ workspaceId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/) });

export const POST = route(async (req) => {
  const viewer = await requireViewer(req);
  if (viewer.via !== "session") throw new AppError("bad_request", "an API token is bound to its workspace");
  const { workspaceId } = bodySchema.parse(await readJson(req, 1024));
  const member = await getMembership((await getIdentity()).sql, viewer.userId, workspaceId);
  if (!member) throw new AppError("not_found", `workspace not found: ${workspaceId}`);
  await audit({ ...viewer, workspaceId, role: member.role }, { action: "workspace:switch", resourceType: "workspace", resourceId: workspaceId, result: "ok", detail: { from: viewer.workspaceId } }, req);
  const secure = appOrigin().startsWith("https:") ? "; Secure" : "";
  const cookie = `${WORKSPACE_COOKIE}=${workspaceId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure}`;
  return respond(workspaceSwitchResponseSchema, { workspaceId, role: member.role }, 200, { "set-cookie": cookie });
});
