/**
 * One-time account links (`account_links`): an invitation of a NEW user to set their first
 * password, or a password reset an admin issued. Only the SHA-256 of the link's secret is stored;
 * a link is redeemed at most once (one atomic UPDATE … WHERE used_at IS NULL) and not after it
 * expires. The rules (who may issue one, what redeeming does) live in lib/auth/account-links.ts.
 */
import type { SqlRunner } from "../runner/sql-runner";

export type AccountLinkPurpose = "invite" | "reset";

export interface AccountLinkRow {
  userId: string;
  purpose: AccountLinkPurpose;
  workspaceId: string | null;
  createdBy: string | null;
}

/**
 * Store a new link (by its hash), replacing the user's links not used yet: only the newest link works.
 * @example await insertAccountLink(sql, { tokenHash: "9f…", userId: "u1", purpose: "invite", workspaceId: "default", createdBy: "u0", createdAt: now, expiresAt: later })
 */
export async function insertAccountLink(
  sql: SqlRunner,
  link: AccountLinkRow & { tokenHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.all(`DELETE FROM account_links WHERE user_id = $1 AND used_at IS NULL`, [link.userId]);
    await tx.all(
      `INSERT INTO account_links (token_hash, user_id, purpose, workspace_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [link.tokenHash, link.userId, link.purpose, link.workspaceId, link.createdBy, link.createdAt, link.expiresAt],
    );
  });
}

/**
 * Use a link: marks it used and returns its row, or null when unknown, used or expired at `now`
 * (ISO strings compare in time order). Atomic, so two racing redeems cannot both succeed.
 * @example await redeemAccountLink(sql, "9f…", new Date().toISOString()) // { userId: "u1", purpose: "invite", … } | null
 */
export async function redeemAccountLink(sql: SqlRunner, tokenHash: string, now: string): Promise<AccountLinkRow | null> {
  const rows = await sql.all(
    `UPDATE account_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
     RETURNING user_id, purpose, workspace_id, created_by`,
    [tokenHash, now],
  );
  const r = rows[0];
  if (!r || (r.purpose !== "invite" && r.purpose !== "reset")) return null;
  return { userId: String(r.user_id), purpose: r.purpose, workspaceId: r.workspace_id == null ? null : String(r.workspace_id), createdBy: r.created_by == null ? null : String(r.created_by) };
}

/** Whether a link is currently usable (not used, not expired), without using it. */
export async function accountLinkUsable(sql: SqlRunner, tokenHash: string, now: string): Promise<boolean> {
  const rows = await sql.all(`SELECT 1 AS x FROM account_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`, [tokenHash, now]);
  return rows.length > 0;
}

/** Users (of the given ones) with an unused, unexpired invitation link: they have not set a password yet. */
export async function pendingInviteUserIds(sql: SqlRunner, userIds: string[], now: string): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await sql.all(
    `SELECT DISTINCT user_id FROM account_links WHERE purpose = 'invite' AND used_at IS NULL AND expires_at > $1 AND user_id IN (${userIds.map((_, i) => `$${i + 2}`).join(", ")})`,
    [now, ...userIds],
  );
  return new Set(rows.map((r) => String(r.user_id)));
}
