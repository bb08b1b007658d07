import { roleSchema, type Role } from "@/lib/schema/role";
import type { SqlRunner } from "../runner/sql-runner";

export interface UserRow {
  id: string;
  email: string;
  name: string;
}

/** better-auth's user by email (case-insensitive). @example await findUserByEmail(sql, "a@x.io") // { id, email, name } | null */
export async function findUserByEmail(sql: SqlRunner, email: string): Promise<UserRow | null> {
  const rows = await sql.all(`SELECT "id", "email", "name" FROM auth_user WHERE "email" = $1`, [email.trim().toLowerCase()]);
  return rows[0] ? { id: String(rows[0].id), email: String(rows[0].email), name: String(rows[0].name) } : null;
}

/** The email of the oldest admin membership of any workspace, or null when there is no admin yet. */
export async function firstAdminEmail(sql: SqlRunner): Promise<string | null> {
  const admins = await sql.all(`SELECT u."email" FROM memberships m JOIN auth_user u ON u."id" = m.user_id WHERE m.role = 'admin' ORDER BY m.created_at LIMIT 1`);
  return admins[0] ? String(admins[0].email) : null;
}

/** Users of a workspace with their role (admin screen). */
export async function listMembers(sql: SqlRunner, workspaceId: string): Promise<(UserRow & { role: Role })[]> {
  const rows = await sql.all(
    `SELECT u."id", u."email", u."name", m.role FROM memberships m JOIN auth_user u ON u."id" = m.user_id
     WHERE m.workspace_id = $1 ORDER BY u."email"`,
    [workspaceId],
  );
  return rows.map((r) => ({ id: String(r.id), email: String(r.email), name: String(r.name), role: roleSchema.parse(r.role) }));
}

/** better-auth's user by id. @example await userById(sql, "u1") // { id, email, name } | null */
export async function userById(sql: SqlRunner, id: string): Promise<UserRow | null> {
  const rows = await sql.all(`SELECT "id", "email", "name" FROM auth_user WHERE "id" = $1`, [id]);
  return rows[0] ? { id: String(rows[0].id), email: String(rows[0].email), name: String(rows[0].name) } : null;
}
