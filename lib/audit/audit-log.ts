import type { SqlRunner } from "@/lib/auth/sql";
import { GENESIS_HASH, hashRecord, type AuditRecord } from "./chain";

export interface AuditEvent {
  workspaceId?: string | null;
  actorId?: string | null;
  actorEmail?: string | null;
  actorRole?: string | null;
  action: string;
  resourceType?: string | null;
  resourceId?: string | null;
  result: AuditRecord["result"];
  /** what was done: filters, columns, row counts — never cell values or respondent data */
  detail?: Record<string, unknown>;
  ip?: string | null;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const COLUMNS = "seq, occurred_at, workspace_id, actor_id, actor_email, actor_role, action, resource_type, resource_id, result, detail, ip, prev_hash, hash";

/**
 * Append one record to the hash-chained audit log, in one transaction (the sequence number is the
 * primary key, so two concurrent writers cannot both take the same link; the loser retries).
 *
 * @example await appendAudit(sql, { action: "dataset:upload", result: "ok", resourceType: "dataset", resourceId: "q3" })
 */
export function appendAudit(sql: SqlRunner, e: AuditEvent, now = new Date()): Promise<AuditRecord> {
  // one append at a time per process (concurrent requests would all race for the same link);
  // several instances on one PostgreSQL still race, hence the retries with jitter below
  const run = () => appendOnce(sql, e, now);
  const next = appendQueue.then(run, run);
  appendQueue = next.catch(() => undefined);
  return next;
}
let appendQueue: Promise<unknown> = Promise.resolve();

async function appendOnce(sql: SqlRunner, e: AuditEvent, now: Date): Promise<AuditRecord> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sql.transaction(async (tx) => {
        const last = await tx.all("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        const seq = last.length ? Number(last[0].seq) + 1 : 1;
        const prev = last.length ? String(last[0].hash) : GENESIS_HASH;
        const base = {
          seq,
          occurred_at: now.toISOString(),
          workspace_id: e.workspaceId ?? null,
          actor_id: e.actorId ?? null,
          actor_email: e.actorEmail ?? null,
          actor_role: e.actorRole ?? null,
          action: e.action,
          resource_type: e.resourceType ?? null,
          resource_id: e.resourceId ?? null,
          result: e.result,
          detail: canonical(e.detail ?? {}),
          ip: e.ip ?? null,
        };
        const record: AuditRecord = { ...base, prev_hash: prev, hash: hashRecord(prev, base) };
        const values = [record.seq, record.occurred_at, record.workspace_id, record.actor_id, record.actor_email, record.actor_role, record.action, record.resource_type, record.resource_id, record.result, record.detail, record.ip, record.prev_hash, record.hash];
        await tx.all(`INSERT INTO audit_log (${COLUMNS}) VALUES (${values.map((_, i) => `$${i + 1}`).join(", ")})`, values);
        return record;
      });
    } catch (err) {
      // only instances appending at the same moment collide, so each retry is a fair coin at worst
      if (attempt >= 29) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * (attempt + 1))));
    }
  }
}

export interface AuditQuery {
  workspaceId: string;
  action?: string;
  actor?: string;
  limit?: number;
  /** also list instance-level records without a workspace (anonymous refusals, sign-ins); default true */
  includeInstance?: boolean;
}

/** Records of one workspace (plus workspace-less events such as failed sign-ins), newest first. */
export async function listAudit(sql: SqlRunner, q: AuditQuery): Promise<AuditRecord[]> {
  const params: (string | number)[] = [q.workspaceId];
  let where = q.includeInstance === false ? "workspace_id = $1" : "(workspace_id = $1 OR workspace_id IS NULL)";
  if (q.action) where += ` AND action = $${params.push(q.action)}`;
  if (q.actor) where += ` AND actor_email = $${params.push(q.actor)}`;
  const rows = await sql.all(`SELECT ${COLUMNS} FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ${Math.min(5000, Math.max(1, q.limit ?? 500))}`, params);
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }) as unknown as AuditRecord);
}

/** The whole chain in order (for verification). */
export async function readChain(sql: SqlRunner): Promise<AuditRecord[]> {
  const rows = await sql.all(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`);
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }) as unknown as AuditRecord);
}
