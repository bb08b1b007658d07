import { createHash } from "node:crypto";

/** One audit record as stored (detail is canonical JSON text). */
export interface AuditRecord {
  seq: number;
  occurred_at: string;
  workspace_id: string | null;
  actor_id: string | null;
  actor_email: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  result: "allowed" | "denied" | "ok" | "failed";
  detail: string;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = "0".repeat(64);

const FIELDS = ["seq", "occurred_at", "workspace_id", "actor_id", "actor_email", "actor_role", "action", "resource_type", "resource_id", "result", "detail", "ip"] as const;

/**
 * The hash of a record: SHA-256 over the previous hash and the record's fields in a fixed order,
 * so changing, removing or reordering any earlier row breaks every later hash.
 *
 * @example hashRecord(GENESIS_HASH, { seq: 1, occurred_at: "2026-01-01T00:00:00Z", action: "sign-in", … })
 */
export function hashRecord(prevHash: string, r: Omit<AuditRecord, "prev_hash" | "hash">): string {
  const body = JSON.stringify(FIELDS.map((f) => r[f] ?? null));
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

/** Where a chain breaks, or null when every link holds. */
export function verifyChain(records: readonly AuditRecord[]): { seq: number; reason: string } | null {
  let prev = GENESIS_HASH;
  let expectSeq = records[0]?.seq ?? 1;
  for (const r of records) {
    if (r.seq !== expectSeq) return { seq: r.seq, reason: `sequence gap: expected ${expectSeq}` };
    if (r.prev_hash !== prev) return { seq: r.seq, reason: "previous hash does not match" };
    if (hashRecord(prev, r) !== r.hash) return { seq: r.seq, reason: "record was altered" };
    prev = r.hash;
    expectSeq += 1;
  }
  return null;
}
