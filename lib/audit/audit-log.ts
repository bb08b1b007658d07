import { insertAuditRecord, lastAuditLink, type SqlRunner } from "@/lib/store";
import { GENESIS_HASH, hashRecord, type AuditRecord } from "./chain";

export { listAudit, readChain, type AuditQuery } from "@/lib/store";

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
        const last = await lastAuditLink(tx);
        const seq = last ? last.seq + 1 : 1;
        const prev = last ? last.hash : GENESIS_HASH;
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
        await insertAuditRecord(tx, record);
        return record;
      });
    } catch (err) {
      // only instances appending at the same moment collide, so each retry is a fair coin at worst
      if (attempt >= 29) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * (attempt + 1))));
    }
  }
}
