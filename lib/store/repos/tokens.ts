import { roleSchema, type Role } from "@/lib/schema/role";
import type { SqlRunner } from "../runner/sql-runner";

export interface ApiTokenInfo {
  id: string;
  userId: string;
  workspaceId: string;
  role: Role;
  createdAt: Date;
  lastUsedAt: Date | null;
  revoked: boolean;
}

/** A live token by its SHA-256, joined with its user and membership (raw roles: the caller parses them). */
export interface ActiveTokenRow {
  id: string;
  userId: string;
  email: string;
  workspaceId: string;
  tokenRole: unknown;
  memberRole: unknown;
  lastUsedAt: Date | null;
}

/** Store a new token (only its hash). @example await insertApiToken(sql, { id, userId, workspaceId, role, tokenHash }) */
export async function insertApiToken(sql: SqlRunner, t: { id: string; userId: string; workspaceId: string; role: Role; tokenHash: string }): Promise<void> {
  await sql.all(`INSERT INTO api_tokens (id, user_id, workspace_id, role, token_hash) VALUES ($1, $2, $3, $4, $5)`, [
    t.id,
    t.userId,
    t.workspaceId,
    t.role,
    t.tokenHash,
  ]);
}

/** @example await revokeApiToken(sql, "tok_1") // true when it was active */
export async function revokeApiToken(sql: SqlRunner, tokenId: string): Promise<boolean> {
  const rows = await sql.all(`UPDATE api_tokens SET revoked = TRUE WHERE id = $1 AND NOT revoked RETURNING 1 AS x`, [tokenId]);
  return rows.length > 0;
}

/** Tokens of a user and/or workspace, oldest first. */
export async function listApiTokens(sql: SqlRunner, filter: { userId?: string; workspaceId?: string } = {}): Promise<ApiTokenInfo[]> {
  const rows = await sql.all(
    `SELECT id, user_id, workspace_id, role, created_at, last_used_at, revoked FROM api_tokens
     WHERE ($1::VARCHAR IS NULL OR user_id = $1) AND ($2::VARCHAR IS NULL OR workspace_id = $2) ORDER BY created_at, id`,
    [filter.userId ?? null, filter.workspaceId ?? null],
  );
  return rows.map((r) => ({
    id: String(r.id),
    userId: String(r.user_id),
    workspaceId: String(r.workspace_id),
    role: roleSchema.parse(r.role),
    createdAt: r.created_at as Date,
    lastUsedAt: (r.last_used_at as Date | null) ?? null,
    revoked: Boolean(r.revoked),
  }));
}

/** The unrevoked token with this hash whose user still exists and is still a member, or null. */
export async function findActiveApiToken(sql: SqlRunner, tokenHash: string): Promise<ActiveTokenRow | null> {
  const rows = await sql.all(
    `SELECT t.id, t.user_id, t.workspace_id, t.role AS token_role, m.role AS member_role, u."email" AS email, t.last_used_at
     FROM api_tokens t
     JOIN auth_user u ON u."id" = t.user_id
     JOIN memberships m ON m.user_id = t.user_id AND m.workspace_id = t.workspace_id
     WHERE t.token_hash = $1 AND NOT t.revoked`,
    [tokenHash],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: String(r.id),
    userId: String(r.user_id),
    email: String(r.email),
    workspaceId: String(r.workspace_id),
    tokenRole: r.token_role,
    memberRole: r.member_role,
    lastUsedAt: (r.last_used_at as Date | null) ?? null,
  };
}

/** Record a use of the token (best effort). */
export async function touchApiToken(sql: SqlRunner, tokenId: string, at: Date): Promise<void> {
  await sql.all(`UPDATE api_tokens SET last_used_at = $1 WHERE id = $2`, [at, tokenId]);
}
