// PUT /api/admin/users/{id}/status {active, workspaceId?} – deactivate (sessions revoked, sign-in and
// API tokens refused, data kept) or reactivate an account. Global, like a password reset: needs
// admin of every workspace the user belongs to, or a platform admin (403). Not yours → 404.
import { z } from "zod";
import { setAccountActive } from "@/lib/auth/account-status";
import { rolesFor } from "@/lib/auth/permissions";
import { getIdentity } from "@/lib/auth/server";
import { requireViewer } from "@/lib/auth/viewer";
import { userStatusResponseSchema } from "@/lib/schema/admin";
import { manageableMember } from "@/lib/server/admin-target";
import { audit } from "@/lib/server/audit";
import { readJson } from "@/lib/server/read-json";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ active: z.boolean(), workspaceId: z.string().trim().min(1).max(100).optional() });

export const PUT = route<{ id: string }>(async (req, { id: userId }) => {
  const viewer = await requireViewer(req, rolesFor("users:manage"));
  const body = bodySchema.parse(await readJson(req, 4 * 1024));
  const id = await getIdentity();
  const { user, workspaceId } = await manageableMember(id.sql, viewer, userId, body.workspaceId);
  await setAccountActive(id, user.id, body.active, viewer.userId);
  await audit(viewer, { action: body.active ? "users:reactivate" : "users:deactivate", resourceType: "user", resourceId: user.id, result: "ok", detail: { email: user.email, workspaceId } }, req);
  return respond(userStatusResponseSchema, { user, active: body.active });
});
