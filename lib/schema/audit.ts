import { z } from "zod";

/**
 * `GET /api/audit`: the workspace's audit records (lib/audit `AuditRecord`, detail as canonical
 * JSON text) and the verification of the whole hash chain.
 *
 * @example auditResponseSchema.parse(body).chain.verified // true
 */
export const auditRecordSchema = z.object({
  seq: z.number().int().positive(),
  occurred_at: z.string(),
  workspace_id: z.string().nullable(),
  actor_id: z.string().nullable(),
  actor_email: z.string().nullable(),
  actor_role: z.string().nullable(),
  action: z.string(),
  resource_type: z.string().nullable(),
  resource_id: z.string().nullable(),
  result: z.enum(["allowed", "denied", "ok", "failed"]),
  /** canonical JSON text */
  detail: z.string(),
  ip: z.string().nullable(),
  prev_hash: z.string(),
  hash: z.string(),
});

export const auditResponseSchema = z.object({
  /** the whole chain: records, and whether every hash verifies (brokenAt: the first record that does not) */
  chain: z.object({ records: z.number().int().nonnegative(), verified: z.boolean(), brokenAt: z.object({ seq: z.number().int(), reason: z.string() }).nullable() }),
  records: z.array(auditRecordSchema),
  /** paging: pass as `before` for the next (older) page; null on the last page */
  nextBefore: z.number().int().positive().nullable(),
});
export type AuditResponse = z.infer<typeof auditResponseSchema>;
