import type { AuditRecord } from "@/lib/audit/chain";
import type { SqlRunner } from "../runner/sql-runner";

const COLUMNS = "seq, occurred_at, workspace_id, actor_id, actor_email, actor_role, action, resource_type, resource_id, result, detail, ip, prev_hash, hash";

/**
 * The chain's last link (sequence number and hash), or null for an empty trail. Call inside the
 * appending transaction.
 * @example await lastAuditLink(tx) // { seq: 41, hash: "9f…" }
 */
export async function lastAuditLink(tx: SqlRunner): Promise<{ seq: number; hash: string } | null> {
  const last = await tx.all("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  return last.length ? { seq: Number(last[0].seq), hash: String(last[0].hash) } : null;
}

/**
 * Insert one hashed record (the sequence number is the primary key: a second writer taking the
 * same link fails).
 * @example await insertAuditRecord(tx, record)
 */
export async function insertAuditRecord(tx: SqlRunner, record: AuditRecord): Promise<void> {
  const values = [record.seq, record.occurred_at, record.workspace_id, record.actor_id, record.actor_email, record.actor_role, record.action, record.resource_type, record.resource_id, record.result, record.detail, record.ip, record.prev_hash, record.hash];
  await tx.all(`INSERT INTO audit_log (${COLUMNS}) VALUES (${values.map((_, i) => `$${i + 1}`).join(", ")})`, values);
}

export interface AuditQuery {
  workspaceId: string;
  action?: string;
  actor?: string;
  limit?: number;
  /** paging cursor: only records older than this sequence number (newest first) */
  before?: number;
  /** ISO timestamps: occurred at or after `from`, before `to` */
  from?: string;
  to?: string;
  /** also list instance-level records without a workspace (anonymous refusals, sign-ins); default true */
  includeInstance?: boolean;
}

/** Records of one workspace (plus workspace-less events such as failed sign-ins), newest first; page with `before` (the last seq seen). */
export async function listAudit(sql: SqlRunner, q: AuditQuery): Promise<AuditRecord[]> {
  const params: (string | number)[] = [q.workspaceId];
  let where = q.includeInstance === false ? "workspace_id = $1" : "(workspace_id = $1 OR workspace_id IS NULL)";
  if (q.action) where += ` AND action = $${params.push(q.action)}`;
  if (q.actor) where += ` AND actor_email = $${params.push(q.actor)}`;
  if (q.before !== undefined) where += ` AND seq < $${params.push(q.before)}`;
  if (q.from) where += ` AND occurred_at >= $${params.push(q.from)}`;
  if (q.to) where += ` AND occurred_at < $${params.push(q.to)}`;
  const rows = await sql.all(`SELECT ${COLUMNS} FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ${Math.min(5000, Math.max(1, q.limit ?? 500))}`, params);
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }) as unknown as AuditRecord);
}

/** The whole chain in order (for verification). */
export async function readChain(sql: SqlRunner): Promise<AuditRecord[]> {
  const rows = await sql.all(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`);
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }) as unknown as AuditRecord);
}
