/**
 * Deactivated accounts (`user_status`): a deactivated user keeps their data and memberships but
 * cannot sign in, and their sessions and API tokens stop working (lib/auth/account-status.ts).
 */
import type { SqlRunner } from "../runner/sql-runner";

/** @example await setUserDeactivated(sql, "u1", { at: new Date().toISOString(), by: "u0" }) ; await setUserDeactivated(sql, "u1", null) // reactivate */
export async function setUserDeactivated(sql: SqlRunner, userId: string, deactivation: { at: string; by: string } | null): Promise<void> {
  if (deactivation === null) {
    await sql.all(`DELETE FROM user_status WHERE user_id = $1`, [userId]);
    return;
  }
  await sql.all(
    `INSERT INTO user_status (user_id, deactivated_at, deactivated_by) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET deactivated_at = excluded.deactivated_at, deactivated_by = excluded.deactivated_by`,
    [userId, deactivation.at, deactivation.by],
  );
}

/** @example await isUserDeactivated(sql, "u1") // false */
export async function isUserDeactivated(sql: SqlRunner, userId: string): Promise<boolean> {
  const rows = await sql.all(`SELECT 1 AS x FROM user_status WHERE user_id = $1 AND deactivated_at IS NOT NULL`, [userId]);
  return rows.length > 0;
}

/** The deactivated users among `userIds` (admin screen). */
export async function deactivatedUserIds(sql: SqlRunner, userIds: string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await sql.all(`SELECT user_id FROM user_status WHERE deactivated_at IS NOT NULL AND user_id IN (${userIds.map((_, i) => `$${i + 1}`).join(", ")})`, userIds);
  return new Set(rows.map((r) => String(r.user_id)));
}
