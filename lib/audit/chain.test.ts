import { describe, expect, test } from "vitest";
import { GENESIS_HASH, hashRecord, verifyChain, type AuditRecord } from "./chain";

function chain(n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const base = { seq, occurred_at: `2026-01-01T00:00:0${seq}Z`, workspace_id: "w", actor_id: "u", actor_email: "a@b.c", actor_role: "admin", action: "crosstab:run", resource_type: "dataset", resource_id: "d", result: "allowed" as const, detail: "{}", ip: null };
    const hash = hashRecord(prev, base);
    out.push({ ...base, prev_hash: prev, hash });
    prev = hash;
  }
  return out;
}

describe("audit hash chain", () => {
  test("an untouched chain verifies", () => {
    expect(verifyChain(chain(5))).toBeNull();
  });
  test("editing, deleting or reordering a record is detected", () => {
    const edited = chain(5);
    edited[2] = { ...edited[2], actor_email: "someone@else.c" };
    expect(verifyChain(edited)).toEqual({ seq: 3, reason: "record was altered" });
    const deleted = chain(5).filter((r) => r.seq !== 3);
    expect(verifyChain(deleted)?.seq).toBe(4);
    const swapped = chain(5);
    [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
    expect(verifyChain(swapped)).not.toBeNull();
  });
});
