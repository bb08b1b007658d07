/**
 * Pending invitations of existing users to a workspace (`workspace_invitations`). The consent rule
 * (who may invite, what accepting does) lives in lib/auth (`answerInvitation`); this file only
 * reads and writes the rows.
 */
import crypto from "node:crypto";
import { roleSchema, type Role } from "@/lib/schema/role";
import type { SqlRunner } from "../runner/sql-runner";

export interface Invitation {
  id: string;
  workspaceId: string;
  workspaceName: string;
  userId: string;
  role: Role;
  invitedBy: string | null;
}

/**
 * Invite an existing user to a workspace with a role (one pending invitation per user and
 * workspace; a second one replaces the role). Nothing changes until the user accepts.
 * @example await inviteMember(sql, { workspaceId: "ws_1", userId: "u1", role: "analyst", invitedBy: "u2" }) // "inv_…"
 */
export async function inviteMember(sql: SqlRunner, input: { workspaceId: string; userId: string; role: Role; invitedBy: string | null }): Promise<string> {
  const id = `inv_${crypto.randomBytes(12).toString("hex")}`;
  const rows = await sql.all(
    `INSERT INTO workspace_invitations (id, workspace_id, user_id, role, invited_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role, invited_by = excluded.invited_by
     RETURNING id`,
    [id, input.workspaceId, input.userId, input.role, input.invitedBy],
  );
  return String(rows[0]?.id ?? id);
}

/** The user's pending invitations (oldest first). @example await listInvitations(sql, "u1") // [{ id: "inv_…", workspaceId: "ws_1", … }] */
export async function listInvitations(sql: SqlRunner, userId: string): Promise<Invitation[]> {
  const rows = await sql.all(
    `SELECT i.id, i.workspace_id, w.name AS workspace_name, i.user_id, i.role, i.invited_by
     FROM workspace_invitations i JOIN workspaces w ON w.id = i.workspace_id
     WHERE i.user_id = $1 ORDER BY i.created_at, i.id`,
    [userId],
  );
  return rows.flatMap((r) => {
    const role = roleSchema.safeParse(r.role);
    if (!role.success) return [];
    return [{ id: String(r.id), workspaceId: String(r.workspace_id), workspaceName: String(r.workspace_name), userId: String(r.user_id), role: role.data, invitedBy: r.invited_by == null ? null : String(r.invited_by) }];
  });
}

/** Delete one of the user's invitations; false when it was not theirs or is already gone. */
export async function deleteInvitation(sql: SqlRunner, userId: string, invitationId: string): Promise<boolean> {
  const deleted = await sql.all(`DELETE FROM workspace_invitations WHERE id = $1 AND user_id = $2 RETURNING 1 AS x`, [invitationId, userId]);
  return deleted.length > 0;
}
