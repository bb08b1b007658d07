// POST /api/admin/workspaces/{id}/members {email, role} – change a member's role in a workspace the
// caller administers; a user who is not a member yet is INVITED (202: they accept it themself via
// POST /api/me/invitations/{id}/accept), unless the caller is a platform admin (added at once, 201).
// DELETE ?email= – remove them. Not yours → 404.
import { z } from "zod";
import { emailSchema, findUserByEmail, getMembership, inviteMember, removeMembership, setMembership } from "@/lib/auth/identity";
import { rolesFor, roleSchema } from "@/lib/auth/permissions";
import { getIdentity } from "@/lib/auth/server";
import { requireViewer } from "@/lib/auth/viewer";
import { adminWorkspace, isPlatformAdmin } from "@/lib/auth/workspaces";
import { AppError } from "@/lib/schema/errors";
import { readJson } from "@/lib/server/read-json";
import { memberInvitedResponseSchema, memberRemovedResponseSchema, memberSetResponseSchema } from "@/lib/schema/admin";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

const ADMINS = rolesFor("users:manage");
const memberSchema = z.object({ email: emailSchema, role: roleSchema });

export const POST = route<{ id: string }>(async (req, { id: workspaceId }) => {
  const viewer = await requireViewer(req, ADMINS);
  const id = await getIdentity();
  const ws = await adminWorkspace(id.sql, viewer, workspaceId);
  const body = memberSchema.parse(await readJson(req, 4 * 1024));
  const user = await findUserByEmail(id.sql, body.email);
  if (!user) throw new AppError("not_found", `no account for ${body.email}: create it under "New user" (they get a one-time link to set a password)`);
  if (user.id === viewer.userId && body.role !== "admin") throw new AppError("conflict", "you cannot remove your own admin role");
  const before = await getMembership(id.sql, user.id, ws);
  if (!before && !(await isPlatformAdmin(id.sql, viewer))) {
    // an existing account joins only with its owner's consent
    const invitationId = await inviteMember(id.sql, { workspaceId: ws, userId: user.id, role: body.role, invitedBy: viewer.userId });
    await audit(viewer, { action: "members:invite", resourceType: "workspace", resourceId: ws, result: "ok", detail: { email: user.email, role: body.role, invitationId } }, req);
    return respond(memberInvitedResponseSchema, { invitation: { id: invitationId, email: user.email, role: body.role, workspaceId: ws, status: "pending" } }, 202);
  }
  await setMembership(id.sql, user.id, ws, body.role);
  await audit(viewer, { action: "members:set", resourceType: "workspace", resourceId: ws, result: "ok", detail: { email: user.email, role: body.role, previous: before?.role ?? null } }, req);
  return respond(memberSetResponseSchema, { member: { ...user, role: body.role, workspaceId: ws } }, before ? 200 : 201);
});

export const DELETE = route<{ id: string }>(async (req, { id: workspaceId }) => {
  const viewer = await requireViewer(req, ADMINS);
  const id = await getIdentity();
  const ws = await adminWorkspace(id.sql, viewer, workspaceId);
  const email = emailSchema.parse(new URL(req.url).searchParams.get("email") ?? "");
  const user = await findUserByEmail(id.sql, email);
  if (user?.id === viewer.userId) throw new AppError("conflict", "you cannot remove yourself from a workspace");
  if (!user || !(await removeMembership(id.sql, user.id, ws))) throw new AppError("not_found", `no member ${email} in this workspace`);
  // the user's tokens for this workspace stop resolving at once (resolveApiToken joins memberships)
  await audit(viewer, { action: "members:remove", resourceType: "workspace", resourceId: ws, result: "ok", detail: { email } }, req);
  return respond(memberRemovedResponseSchema, { removed: email, workspaceId: ws });
});
