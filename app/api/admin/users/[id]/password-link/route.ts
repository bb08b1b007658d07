// POST /api/admin/users/{id}/password-link {workspaceId?} – a one-time link (24 h) where the user
// sets a new password (their sessions are revoked when they do). The account is global: needs admin
// of every workspace the user belongs to, or a platform admin (403). Not a member of yours → 404.
import { z } from "zod";
import { accountLinkUrl, issueAccountLink } from "@/lib/auth/account-links";
import { rolesFor } from "@/lib/auth/permissions";
import { appOrigin, getIdentity } from "@/lib/auth/server";
import { requireViewer } from "@/lib/auth/viewer";
import { passwordLinkResponseSchema } from "@/lib/schema/admin";
import { manageableMember } from "@/lib/server/admin-target";
import { audit } from "@/lib/server/audit";
import { readJson } from "@/lib/server/read-json";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ workspaceId: z.string().trim().min(1).max(100).optional() });

export const POST = route<{ id: string }>(async (req, { id: userId }) => {
  const viewer = await requireViewer(req, rolesFor("users:manage"));
  const body = bodySchema.parse((await readJson(req, 4 * 1024)) ?? {});
  const id = await getIdentity();
  const { user, workspaceId } = await manageableMember(id.sql, viewer, userId, body.workspaceId);
  const link = await issueAccountLink(id.sql, { userId: user.id, purpose: "reset", workspaceId, createdBy: viewer.userId });
  await audit(viewer, { action: "users:password-link", resourceType: "user", resourceId: user.id, result: "ok", detail: { email: user.email, workspaceId, expiresAt: link.expiresAt } }, req);
  return respond(passwordLinkResponseSchema, { user, link: { url: accountLinkUrl(appOrigin(), link.token), expiresAt: link.expiresAt } }, 201);
});
