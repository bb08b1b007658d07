import crypto from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/schema/errors";
import type { Identity } from "./auth";
import { ROLES, roleSchema, type Role } from "./permissions";
import type { SqlRunner } from "./sql";

/** Who is calling: resolved from a session cookie or an API token. */
export interface Viewer {
  userId: string;
  email: string;
  workspaceId: string;
  role: Role;
  /** how the caller authenticated (cookie sessions need the CSRF origin check on writes) */
  via: "session" | "token";
}

export interface Workspace {
  id: string;
  name: string;
}

export interface Membership {
  userId: string;
  workspaceId: string;
  role: Role;
}

/** Role order, strongest first: a token or grant never exceeds the member's own role. */
export function roleRank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role);
}
export function weakerRole(a: Role, b: Role): Role {
  return roleRank(a) <= roleRank(b) ? a : b;
}

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email());
export const passwordSchema = z.string().min(12, "password must be at least 12 characters").max(128);

// ---------------------------------------------------------------- workspaces and memberships

export async function createWorkspace(sql: SqlRunner, name: string, id: string = `ws_${crypto.randomBytes(8).toString("hex")}`): Promise<Workspace> {
  await sql.all(`INSERT INTO workspaces (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, name]);
  return { id, name };
}

export async function getWorkspace(sql: SqlRunner, idOrName: string): Promise<Workspace | null> {
  const rows = await sql.all(`SELECT id, name FROM workspaces WHERE id = $1 OR name = $1 ORDER BY (id = $1) DESC LIMIT 1`, [idOrName]);
  return rows[0] ? { id: String(rows[0].id), name: String(rows[0].name) } : null;
}

export async function setMembership(sql: SqlRunner, userId: string, workspaceId: string, role: Role): Promise<void> {
  await sql.all(
    `INSERT INTO memberships (user_id, workspace_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, workspace_id) DO UPDATE SET role = excluded.role`,
    [userId, workspaceId, role],
  );
}

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

/** The user's pending invitations (oldest first). */
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

/**
 * Accept (`accept: true`) or decline one of the user's own invitations. Accepting makes the user a
 * member with the invited role (an existing membership keeps its role). Someone else's or an
 * unknown invitation answers null.
 */
export async function answerInvitation(sql: SqlRunner, userId: string, invitationId: string, accept: boolean): Promise<Invitation | null> {
  const inv = (await listInvitations(sql, userId)).find((i) => i.id === invitationId);
  if (!inv) return null;
  const deleted = await sql.all(`DELETE FROM workspace_invitations WHERE id = $1 AND user_id = $2 RETURNING 1 AS x`, [invitationId, userId]);
  if (deleted.length === 0) return null;
  if (accept && !(await getMembership(sql, userId, inv.workspaceId))) await setMembership(sql, userId, inv.workspaceId, inv.role);
  return inv;
}

/** Every workspace id the user is a member of (any role, whatever its spelling). */
export async function membershipWorkspaceIds(sql: SqlRunner, userId: string): Promise<string[]> {
  const rows = await sql.all(`SELECT workspace_id FROM memberships WHERE user_id = $1 ORDER BY workspace_id`, [userId]);
  return rows.map((r) => String(r.workspace_id));
}

// ---------------------------------------------------------------- users

export interface UserRow {
  id: string;
  email: string;
  name: string;
}

export async function findUserByEmail(sql: SqlRunner, email: string): Promise<UserRow | null> {
  const rows = await sql.all(`SELECT "id", "email", "name" FROM auth_user WHERE "email" = $1`, [email.trim().toLowerCase()]);
  return rows[0] ? { id: String(rows[0].id), email: String(rows[0].email), name: String(rows[0].name) } : null;
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

/**
 * Create a user with a password (scrypt hash by better-auth) and a role in a workspace. Public
 * sign-up is off: this is how accounts come to exist (admin API, seed).
 */
export async function createUserWithPassword(
  id: Identity,
  input: { email: string; password: string; name?: string; role: Role; workspaceId: string },
): Promise<UserRow> {
  const email = emailSchema.parse(input.email);
  const password = passwordSchema.parse(input.password);
  if (await findUserByEmail(id.sql, email)) throw new AppError("conflict", `a user with this email already exists: ${email}`);
  if (!(await getWorkspace(id.sql, input.workspaceId))) throw new AppError("bad_request", `no such workspace: ${input.workspaceId}`);
  const ctx = await id.auth.$context;
  const hash = await ctx.password.hash(password);
  const user = await ctx.internalAdapter.createUser({ email, name: input.name?.trim() || email.split("@")[0], emailVerified: true }, { method: "admin" });
  await ctx.internalAdapter.linkAccount({ providerId: "credential", accountId: user.id, password: hash, userId: user.id });
  await setMembership(id.sql, user.id, input.workspaceId, input.role);
  return { id: user.id, email: user.email, name: user.name };
}

/** Admin password reset: new scrypt hash, and every session of the user is revoked. */
export async function setUserPassword(id: Identity, userId: string, password: string): Promise<void> {
  const pw = passwordSchema.parse(password);
  const ctx = await id.auth.$context;
  const hash = await ctx.password.hash(pw);
  const account = await ctx.internalAdapter.findCredentialAccount(userId);
  if (account) await ctx.internalAdapter.updatePassword(userId, hash);
  else await ctx.internalAdapter.linkAccount({ providerId: "credential", accountId: userId, password: hash, userId });
  await ctx.internalAdapter.deleteUserSessions(userId);
}

// ---------------------------------------------------------------- API tokens

export const TOKEN_PREFIX = "ssk_";

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export interface ApiTokenInfo {
  id: string;
  userId: string;
  workspaceId: string;
  role: Role;
  createdAt: Date;
  lastUsedAt: Date | null;
  revoked: boolean;
}

/**
 * Create an API token for a member of a workspace. The token (shown once) is `ssk_` + 32 random
 * bytes; only its SHA-256 is stored. The token's role may not exceed the member's role.
 */
export async function createApiToken(
  sql: SqlRunner,
  input: { userId: string; workspaceId: string; role: Role },
): Promise<{ id: string; token: string }> {
  const member = await getMembership(sql, input.userId, input.workspaceId);
  if (!member) throw new AppError("bad_request", "the user is not a member of that workspace");
  if (roleRank(input.role) > roleRank(member.role)) {
    throw new AppError("forbidden", `a token cannot have more rights than its user (${member.role})`);
  }
  const id = `tok_${crypto.randomBytes(8).toString("hex")}`;
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  await sql.all(`INSERT INTO api_tokens (id, user_id, workspace_id, role, token_hash) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    input.userId,
    input.workspaceId,
    input.role,
    hashToken(token),
  ]);
  return { id, token };
}

export async function revokeApiToken(sql: SqlRunner, tokenId: string): Promise<boolean> {
  const rows = await sql.all(`UPDATE api_tokens SET revoked = TRUE WHERE id = $1 AND NOT revoked RETURNING 1 AS x`, [tokenId]);
  return rows.length > 0;
}

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

/**
 * The viewer behind a bearer token, or null (unknown, revoked, user gone, membership removed).
 * The effective role is the weaker of the token's and the member's current role.
 */
export async function resolveApiToken(sql: SqlRunner, token: string): Promise<Viewer | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const rows = await sql.all(
    `SELECT t.id, t.user_id, t.workspace_id, t.role AS token_role, m.role AS member_role, u."email" AS email, t.last_used_at
     FROM api_tokens t
     JOIN auth_user u ON u."id" = t.user_id
     JOIN memberships m ON m.user_id = t.user_id AND m.workspace_id = t.workspace_id
     WHERE t.token_hash = $1 AND NOT t.revoked`,
    [hashToken(token)],
  );
  const r = rows[0];
  if (!r) return null;
  const tokenRole = roleSchema.safeParse(r.token_role);
  const memberRole = roleSchema.safeParse(r.member_role);
  if (!tokenRole.success || !memberRole.success) return null;
  const last = r.last_used_at as Date | null;
  if (!last || Date.now() - last.getTime() > 60_000) {
    await sql.all(`UPDATE api_tokens SET last_used_at = $1 WHERE id = $2`, [new Date(), String(r.id)]).catch(() => undefined);
  }
  return {
    userId: String(r.user_id),
    email: String(r.email),
    workspaceId: String(r.workspace_id),
    role: weakerRole(tokenRole.data, memberRole.data),
    via: "token",
  };
}

// ---------------------------------------------------------------- datasets

/**
 * The workspace owning a dataset, or null when no such dataset — or when it has no owner row: a
 * dataset without an owner belongs to nobody and is visible to nobody (fail closed; imports write
 * the owner in their own transaction, so only a legacy or hand-made row can lack one).
 */
export async function datasetWorkspace(sql: SqlRunner, datasetId: string): Promise<string | null> {
  const rows = await sql.all(
    `SELECT o.workspace_id AS w FROM dataset_owners o WHERE o.dataset_id = $1 AND EXISTS (SELECT 1 FROM datasets d WHERE d.id = $1)`,
    [datasetId],
  );
  return rows[0]?.w == null ? null : String(rows[0].w);
}

/** Assign a dataset to a workspace (all its versions). Imports do it in their own transaction (`NewDatasetMeta.workspaceId`). */
export async function setDatasetWorkspace(sql: SqlRunner, datasetId: string, workspaceId: string): Promise<void> {
  await sql.all(
    `INSERT INTO dataset_owners (dataset_id, workspace_id) VALUES ($1, $2)
     ON CONFLICT (dataset_id) DO UPDATE SET workspace_id = excluded.workspace_id`,
    [datasetId, workspaceId],
  );
}

/** Give an ownerless dataset an owner (an existing owner is kept); the seed uses it for the demo datasets of older installs. */
export async function adoptDataset(sql: SqlRunner, datasetId: string, workspaceId: string): Promise<void> {
  await sql.all(`INSERT INTO dataset_owners (dataset_id, workspace_id) VALUES ($1, $2) ON CONFLICT (dataset_id) DO NOTHING`, [datasetId, workspaceId]);
}

/** Share a dataset with another workspace (every member) or with one user of that workspace. */
export async function shareDataset(sql: SqlRunner, input: { datasetId: string; workspaceId: string; userId?: string | null }): Promise<void> {
  await sql.all(
    `INSERT INTO dataset_access (dataset_id, workspace_id, shared_with_user_id)
     SELECT $1::VARCHAR, $2::VARCHAR, $3::VARCHAR WHERE NOT EXISTS (
       SELECT 1 FROM dataset_access WHERE dataset_id = $1::VARCHAR AND workspace_id = $2::VARCHAR AND shared_with_user_id IS NOT DISTINCT FROM $3::VARCHAR)`,
    [input.datasetId, input.workspaceId, input.userId ?? null],
  );
}

export async function unshareDataset(sql: SqlRunner, input: { datasetId: string; workspaceId: string; userId?: string | null }): Promise<boolean> {
  const rows = await sql.all(
    `DELETE FROM dataset_access WHERE dataset_id = $1 AND workspace_id = $2 AND shared_with_user_id IS NOT DISTINCT FROM $3::VARCHAR RETURNING 1 AS x`,
    [input.datasetId, input.workspaceId, input.userId ?? null],
  );
  return rows.length > 0;
}

/** Whether the viewer may see the dataset: owned by their workspace, or shared with it / with them. */
export async function canSeeDatasetWith(sql: SqlRunner, viewer: Pick<Viewer, "userId" | "workspaceId">, datasetId: string): Promise<boolean> {
  const owner = await datasetWorkspace(sql, datasetId);
  if (owner === null) return false;
  if (owner === viewer.workspaceId) return true;
  const rows = await sql.all(
    `SELECT 1 AS x FROM dataset_access WHERE dataset_id = $1 AND workspace_id = $2
     AND (shared_with_user_id IS NULL OR shared_with_user_id = $3) LIMIT 1`,
    [datasetId, viewer.workspaceId, viewer.userId],
  );
  return rows.length > 0;
}

/** Ids of every dataset the viewer may see (filter `listDatasets()` with it). */
export async function visibleDatasetIdsWith(sql: SqlRunner, viewer: Pick<Viewer, "userId" | "workspaceId">): Promise<Set<string>> {
  const rows = await sql.all(
    `SELECT DISTINCT d.id FROM datasets d JOIN dataset_owners o ON o.dataset_id = d.id WHERE o.workspace_id = $1
     UNION
     SELECT a.dataset_id AS id FROM dataset_access a JOIN dataset_owners o ON o.dataset_id = a.dataset_id
     WHERE a.workspace_id = $1 AND (a.shared_with_user_id IS NULL OR a.shared_with_user_id = $2)`,
    [viewer.workspaceId, viewer.userId],
  );
  return new Set(rows.map((r) => String(r.id)));
}
