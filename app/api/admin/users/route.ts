// GET /api/admin/users – members of the admin's workspace (with deactivated / invited state);
// POST – create a user with a role, with a password or (none given) a one-time invitation link;
// POST/PATCH take an optional workspaceId (another workspace the signed-in admin administers);
// PATCH – reset a member's password (revokes their sessions) and/or change their role. The password
// is global: resetting it needs admin of EVERY workspace the user belongs to, or a platform admin.
import { z } from "zod";
import { createUserWithPassword, emailSchema, findUserByEmail, getMembership, passwordSchema, setMembership, setUserPassword } from "@/lib/auth/identity";
import { accountLinkUrl, issueAccountLink } from "@/lib/auth/account-links";
import { membersWithStatus } from "@/lib/auth/account-status";
import { appOrigin } from "@/lib/auth/server";
import { rolesFor, roleSchema } from "@/lib/auth/permissions";
import { getIdentity } from "@/lib/auth/server";
import { requireViewer } from "@/lib/auth/viewer";
import { adminWorkspace, assertCanManageAccount } from "@/lib/auth/workspaces";
import { AppError } from "@/lib/schema/errors";
import { readJson } from "@/lib/server/read-json";
import { userCreatedResponseSchema, userListResponseSchema, userUpdatedResponseSchema } from "@/lib/schema/admin";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

const ADMINS = rolesFor("users:manage");

const workspaceIdSchema = z.string().trim().min(1).max(100).optional();
const createSchema = z.object({ email: emailSchema, name: z.string().trim().max(200).optional(), password: passwordSchema.optional(), role: roleSchema, workspaceId: workspaceIdSchema });
const updateSchema = z
  .object({ email: emailSchema, password: passwordSchema.optional(), role: roleSchema.optional(), workspaceId: workspaceIdSchema })
  .refine((b) => b.password !== undefined || b.role !== undefined, "give a new password, a role, or both");

export const GET = route(async (req) => {
  const viewer = await requireViewer(req, ADMINS);
  const id = await getIdentity();
  const ws = await adminWorkspace(id.sql, viewer, new URL(req.url).searchParams.get("workspaceId"));
  return respond(userListResponseSchema, { users: await membersWithStatus(id.sql, ws) });
});

export const POST = route(async (req) => {
  const viewer = await requireViewer(req, ADMINS);
  const body = createSchema.parse(await readJson(req, 16 * 1024));
  const id = await getIdentity();
  const ws = await adminWorkspace(id.sql, viewer, body.workspaceId);
  const user = await createUserWithPassword(id, { ...body, workspaceId: ws });
  // no password given: the new user sets one through a one-time link the admin passes on
  const link = body.password === undefined ? await issueAccountLink(id.sql, { userId: user.id, purpose: "invite", workspaceId: ws, createdBy: viewer.userId }) : null;
  await audit(viewer, { action: "users:create", resourceType: "user", resourceId: user.id, result: "ok", detail: { email: body.email, role: body.role, workspaceId: ws, inviteLink: link !== null } }, req);
  return respond(userCreatedResponseSchema, { user: { ...user, role: body.role }, ...(link ? { invite: { url: accountLinkUrl(appOrigin(), link.token), expiresAt: link.expiresAt } } : {}) }, 201);
});

export const PATCH = route(async (req) => {
  const viewer = await requireViewer(req, ADMINS);
  const body = updateSchema.parse(await readJson(req, 16 * 1024));
  const id = await getIdentity();
  const ws = await adminWorkspace(id.sql, viewer, body.workspaceId);
  const user = await findUserByEmail(id.sql, body.email);
  // a user outside the admin's workspace answers exactly like an unknown one
  const member = user ? await getMembership(id.sql, user.id, ws) : null;
  if (!user || !member) throw new AppError("not_found", `user not found: ${body.email}`);
  if (body.role && user.id === viewer.userId && body.role !== "admin") throw new AppError("conflict", "you cannot remove your own admin role");
  // checked before any change, so a refused reset changes nothing (not even the role)
  if (body.password) await assertCanManageAccount(id.sql, viewer, user.id);
  if (body.role) await setMembership(id.sql, user.id, ws, body.role);
  if (body.password) await setUserPassword(id, user.id, body.password);
  await audit(viewer, { action: "users:update", resourceType: "user", resourceId: user.id, result: "ok", detail: { email: body.email, role: body.role ?? null, passwordReset: Boolean(body.password), workspaceId: ws } }, req);
  return respond(userUpdatedResponseSchema, { user: { ...user, role: body.role ?? member.role }, passwordReset: Boolean(body.password) });
});
