import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getMembership, type UserRow } from "@/lib/auth/identity";
import { adminWorkspace, assertCanManageAccount } from "@/lib/auth/workspaces";
import { AppError } from "@/lib/schema/errors";
import type { SqlRunner } from "@/lib/store";
import { userById } from "@/lib/store";

/**
 * The account an admin acts on as a whole (password link, deactivation): a member of a workspace
 * the admin administers (else 404, like an unknown id), and one whose every workspace the admin
 * administers, or the admin is a platform admin (else 403, nothing changed).
 *
 * @example
 * const { user, workspaceId } = await manageableMember(sql, viewer, "u1", null)
 */
export async function manageableMember(sql: SqlRunner, viewer: Viewer, userId: string, workspaceId: string | null | undefined): Promise<{ user: UserRow; workspaceId: string }> {
  const ws = await adminWorkspace(sql, viewer, workspaceId);
  const user = await userById(sql, userId);
  if (!user || !(await getMembership(sql, user.id, ws))) throw new AppError("not_found", `user not found: ${userId}`);
  await assertCanManageAccount(sql, viewer, user.id);
  return { user, workspaceId: ws };
}
