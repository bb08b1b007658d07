import { APIError } from "better-auth/api";
import { AppError } from "@/lib/schema/errors";
import { deactivatedUserIds, isUserDeactivated, listMembers, pendingInviteUserIds, setUserDeactivated, type SqlRunner } from "@/lib/store";
import type { Identity } from "./auth";


/** What a deactivated user is told when their password was right (never before: no account probing). */
export const DEACTIVATED_MESSAGE = "this account is deactivated: ask your admin to reactivate it";

/**
 * Deactivate (`active: false`) or reactivate an account. Deactivating revokes every session at once
 * and refuses sign-in from then on; API tokens stop resolving; memberships, datasets, views and
 * dashboards are kept. The caller checked `assertCanManageAccount` (the account is global).
 *
 * @example
 * await setAccountActive(identity, "u1", false, "u0")
 */
export async function setAccountActive(id: Identity, userId: string, active: boolean, by: string, now: Date = new Date()): Promise<void> {
  if (!active && userId === by) throw new AppError("conflict", "you cannot deactivate your own account");
  await setUserDeactivated(id.sql, userId, active ? null : { at: now.toISOString(), by });
  if (!active) {
    const ctx = await id.auth.$context;
    await ctx.internalAdapter.deleteUserSessions(userId);
  }
}

/**
 * better-auth's session hook: a deactivated user gets no session (sign-in refused after the password
 * was checked, so the refusal reveals nothing to someone without it).
 *
 * @example
 * databaseHooks: { session: { create: { before: refuseDeactivated(sql) } } }
 */
export function refuseDeactivated(sql: SqlRunner) {
  return async (session: { userId: string }) => {
    if (await isUserDeactivated(sql, session.userId)) {
      throw new APIError("FORBIDDEN", { message: DEACTIVATED_MESSAGE, code: "ACCOUNT_DEACTIVATED" });
    }
  };
}

/**
 * Members of a workspace with their account state: deactivated, or invited (an unused invitation
 * link: they have not set a password yet).
 *
 * @example
 * await membersWithStatus(sql, "default") // [{ id, email, name, role: "admin", deactivated: false, invited: false }]
 */
export async function membersWithStatus(sql: SqlRunner, workspaceId: string, now: Date = new Date()) {
  const members = await listMembers(sql, workspaceId);
  const ids = members.map((m) => m.id);
  const [off, invited] = await Promise.all([deactivatedUserIds(sql, ids), pendingInviteUserIds(sql, ids, now.toISOString())]);
  return members.map((m) => ({ ...m, deactivated: off.has(m.id), invited: invited.has(m.id) }));
}
