import crypto from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/schema/errors";
import {
  findActiveApiToken,
  datasetWorkspace,
  deleteInvitation,
  findUserByEmail,
  getMembership,
  getWorkspace,
  insertApiToken,
  isSharedWith,
  isUserDeactivated,
  listInvitations,
  setMembership,
  touchApiToken,
  type Invitation,
  type SqlRunner,
  type UserRow,
} from "@/lib/store";
import type { Identity } from "./auth";
import { ROLES, roleSchema, type Role } from "./permissions";

// the identity tables' repositories (lib/store/repos), under the names callers know
export {
  adoptDataset,
  createWorkspace,
  datasetWorkspace,
  findUserByEmail,
  getMembership,
  getWorkspace,
  inviteMember,
  listApiTokens,
  listInvitations,
  listMembers,
  membershipWorkspaceIds,
  removeMembership,
  revokeApiToken,
  setDatasetWorkspace,
  setMembership,
  shareDataset,
  unshareDataset,
  userById,
  visibleDatasetIdsWith,
  type ApiTokenInfo,
  type Invitation,
  type Membership,
  type UserRow,
  type Workspace,
} from "@/lib/store";

/** Who is calling: resolved from a session cookie or an API token. */
export interface Viewer {
  userId: string;
  email: string;
  workspaceId: string;
  role: Role;
  /**
   * how the caller authenticated (cookie sessions need the CSRF origin check on writes); "agent":
   * an AI agent credential (lib/auth/agent-credentials.ts), only ever built by the MCP server,
   * always an aggregate-only audience
   */
  via: "session" | "token" | "agent";
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

/**
 * Accept (`accept: true`) or decline one of the user's own invitations. Accepting makes the user a
 * member with the invited role (an existing membership keeps its role). Someone else's or an
 * unknown invitation answers null.
 */
export async function answerInvitation(sql: SqlRunner, userId: string, invitationId: string, accept: boolean): Promise<Invitation | null> {
  const inv = (await listInvitations(sql, userId)).find((i) => i.id === invitationId);
  if (!inv) return null;
  if (!(await deleteInvitation(sql, userId, invitationId))) return null;
  if (accept && !(await getMembership(sql, userId, inv.workspaceId))) await setMembership(sql, userId, inv.workspaceId, inv.role);
  return inv;
}

// ---------------------------------------------------------------- users

/**
 * Create a user with a role in a workspace, with a password (scrypt hash by better-auth) or without
 * one (they set it through a one-time link, lib/auth/account-links.ts). Public sign-up is off: this
 * is how accounts come to exist (admin API, seed).
 */
export async function createUserWithPassword(
  id: Identity,
  input: { email: string; password?: string; name?: string; role: Role; workspaceId: string },
): Promise<UserRow> {
  const email = emailSchema.parse(input.email);
  // no password: the account has no credential until its owner sets one through a one-time link
  const password = input.password === undefined ? null : passwordSchema.parse(input.password);
  if (await findUserByEmail(id.sql, email)) throw new AppError("conflict", `a user with this email already exists: ${email}`);
  if (!(await getWorkspace(id.sql, input.workspaceId))) throw new AppError("bad_request", `no such workspace: ${input.workspaceId}`);
  const ctx = await id.auth.$context;
  const user = await ctx.internalAdapter.createUser({ email, name: input.name?.trim() || email.split("@")[0], emailVerified: true }, { method: "admin" });
  if (password !== null) await ctx.internalAdapter.linkAccount({ providerId: "credential", accountId: user.id, password: await ctx.password.hash(password), userId: user.id });
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
  await insertApiToken(sql, { id, userId: input.userId, workspaceId: input.workspaceId, role: input.role, tokenHash: hashToken(token) });
  return { id, token };
}

/**
 * The viewer behind a bearer token, or null (unknown, revoked, user gone, membership removed).
 * The effective role is the weaker of the token's and the member's current role.
 */
export async function resolveApiToken(sql: SqlRunner, token: string): Promise<Viewer | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const r = await findActiveApiToken(sql, hashToken(token));
  if (!r) return null;
  if (await isUserDeactivated(sql, r.userId)) return null;
  const tokenRole = roleSchema.safeParse(r.tokenRole);
  const memberRole = roleSchema.safeParse(r.memberRole);
  if (!tokenRole.success || !memberRole.success) return null;
  const last = r.lastUsedAt;
  if (!last || Date.now() - last.getTime() > 60_000) {
    await touchApiToken(sql, r.id, new Date()).catch(() => undefined);
  }
  return {
    userId: r.userId,
    email: r.email,
    workspaceId: r.workspaceId,
    role: weakerRole(tokenRole.data, memberRole.data),
    via: "token",
  };
}

// ---------------------------------------------------------------- datasets

/** Whether the viewer may see the dataset: owned by their workspace, or shared with it / with them. */
export async function canSeeDatasetWith(sql: SqlRunner, viewer: Pick<Viewer, "userId" | "workspaceId">, datasetId: string): Promise<boolean> {
  const owner = await datasetWorkspace(sql, datasetId);
  if (owner === null) return false;
  if (owner === viewer.workspaceId) return true;
  return isSharedWith(sql, viewer, datasetId);
}
