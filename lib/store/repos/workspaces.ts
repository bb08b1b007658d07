import crypto from "node:crypto";
import { roleSchema, type Role } from "@/lib/schema/role";
import type { SqlRunner } from "../runner/sql-runner";

export interface Workspace {
  id: string;
  name: string;
}

export interface Membership {
  userId: string;
  workspaceId: string;
  role: Role;
}

/** @example await createWorkspace(sql, "Partners") // { id: "ws_…", name: "Partners" } */
export async function createWorkspace(sql: SqlRunner, name: string, id: string = `ws_${crypto.randomBytes(8).toString("hex")}`): Promise<Workspace> {
  await sql.all(`INSERT INTO workspaces (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, name]);
  return { id, name };
}

/** A workspace by id, else by name. @example await getWorkspace(sql, "Default") // { id: "default", name: "Default" } */
export async function getWorkspace(sql: SqlRunner, idOrName: string): Promise<Workspace | null> {
  const rows = await sql.all(`SELECT id, name FROM workspaces WHERE id = $1 OR name = $1 ORDER BY (id = $1) DESC LIMIT 1`, [idOrName]);
  return rows[0] ? { id: String(rows[0].id), name: String(rows[0].name) } : null;
}

/** Add a member or change their role. @example await setMembership(sql, "u1", "default", "analyst") */
export async function setMembership(sql: SqlRunner, userId: string, workspaceId: string, role: Role): Promise<void> {
  await sql.all(
    `INSERT INTO memberships (user_id, workspace_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, workspace_id) DO UPDATE SET role = excluded.role`,
    [userId, workspaceId, role],
  );
}

/** @example await removeMembership(sql, "u1", "ws_1") // true when there was one */
export async function removeMembership(sql: SqlRunner, userId: string, workspaceId: string): Promise<boolean> {
  const rows = await sql.all(`DELETE FROM memberships WHERE user_id = $1 AND workspace_id = $2 RETURNING 1 AS x`, [userId, workspaceId]);
  return rows.length > 0;
}

/** The user's membership in `workspaceId`, or (when absent) their oldest membership. */
export async function getMembership(sql: SqlRunner, userId: string, workspaceId?: string | null): Promise<Membership | null> {
  const rows = workspaceId
    ? await sql.all(`SELECT user_id, workspace_id, role FROM memberships WHERE user_id = $1 AND workspace_id = $2`, [userId, workspaceId])
    : await sql.all(`SELECT user_id, workspace_id, role FROM memberships WHERE user_id = $1 ORDER BY created_at, workspace_id LIMIT 1`, [userId]);
  const r = rows[0];
  if (!r) return null;
  const role = roleSchema.safeParse(r.role);
  return role.success ? { userId: String(r.user_id), workspaceId: String(r.workspace_id), role: role.data } : null;
}

/**
 * The workspaces a user belongs to, with their role in each (oldest membership first).
 *
 * @example
 * await listUserWorkspaces(sql, "u1") // [{ id: "default", name: "Default", role: "admin" }]
 */
export async function listUserWorkspaces(sql: SqlRunner, userId: string): Promise<(Workspace & { role: Role })[]> {
  const rows = await sql.all(
    `SELECT w.id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
     WHERE m.user_id = $1 ORDER BY m.created_at, w.id`,
    [userId],
  );
  return rows.flatMap((r) => {
    const role = roleSchema.safeParse(r.role);
    return role.success ? [{ id: String(r.id), name: String(r.name), role: role.data }] : [];
  });
}

/** Every workspace id the user is a member of (any role, whatever its spelling). @example await membershipWorkspaceIds(sql, "u1") // ["default", "ws_1"] */
export async function membershipWorkspaceIds(sql: SqlRunner, userId: string): Promise<string[]> {
  const rows = await sql.all(`SELECT workspace_id FROM memberships WHERE user_id = $1 ORDER BY workspace_id`, [userId]);
  return rows.map((r) => String(r.workspace_id));
}
