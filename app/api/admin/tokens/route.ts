// GET /api/admin/tokens – API tokens of the admin's workspace; POST {email, role} – create one
// (the token is in this response only; optional workspaceId: another workspace the signed-in admin
// administers); DELETE ?id= – revoke
import { z } from "zod";
import { createApiToken, emailSchema, findUserByEmail, listApiTokens, revokeApiToken } from "@/lib/auth/identity";
import { rolesFor, roleSchema } from "@/lib/auth/permissions";
import { getIdentity } from "@/lib/auth/server";
import { requireViewer } from "@/lib/auth/viewer";
import { adminWorkspace } from "@/lib/auth/workspaces";
import { AppError } from "@/lib/schema/errors";
import { readJson } from "@/lib/server/read-json";
import { tokenCreatedResponseSchema, tokenListResponseSchema, tokenRevokedResponseSchema } from "@/lib/schema/admin";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

const ADMINS = rolesFor("users:manage");
const createSchema = z.object({ email: emailSchema, role: roleSchema, workspaceId: z.string().trim().min(1).max(100).optional() });

export const GET = route(async (req) => {
  const viewer = await requireViewer(req, ADMINS);
  const id = await getIdentity();
  return respond(tokenListResponseSchema, { tokens: await listApiTokens(id.sql, { workspaceId: viewer.workspaceId }) });
});

export const POST = route(async (req) => {
  const viewer = await requireViewer(req, ADMINS);
  const body = createSchema.parse(await readJson(req, 16 * 1024));
  const id = await getIdentity();
  const user = await findUserByEmail(id.sql, body.email);
  if (!user) throw new AppError("not_found", `user not found: ${body.email}`);
  // createApiToken refuses non-members (bad_request) and roles above the member's own (forbidden)
  const ws = await adminWorkspace(id.sql, viewer, body.workspaceId);
  const created = await createApiToken(id.sql, { userId: user.id, workspaceId: ws, role: body.role });
  await audit(viewer, { action: "tokens:create", resourceType: "token", resourceId: created.id, result: "ok", detail: { email: body.email, role: body.role, workspaceId: ws } }, req);
  return respond(tokenCreatedResponseSchema, { id: created.id, token: created.token, role: body.role, workspaceId: ws }, 201);
});

export const DELETE = route(async (req) => {
  const viewer = await requireViewer(req, ADMINS);
  const tokenId = new URL(req.url).searchParams.get("id") ?? "";
  const id = await getIdentity();
  const mine = (await listApiTokens(id.sql, { workspaceId: viewer.workspaceId })).some((t) => t.id === tokenId && !t.revoked);
  if (!mine || !(await revokeApiToken(id.sql, tokenId))) throw new AppError("not_found", `token not found: ${tokenId}`);
  await audit(viewer, { action: "tokens:revoke", resourceType: "token", resourceId: tokenId, result: "ok" }, req);
  return respond(tokenRevokedResponseSchema, { revoked: tokenId });
});
