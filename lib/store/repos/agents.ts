import type { SqlRunner } from "../runner/sql-runner";

/** One agent credential as stored (lists parsed; the token itself is never stored, only its hash). */
export interface AgentCredentialRow {
  id: string;
  name: string;
  workspaceId: string;
  createdBy: string;
  createdByEmail: string;
  datasets: string[];
  tools: string[];
  expiresAt: string;
  budgetTotal: number;
  budgetUsed: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

const COLUMNS =
  "id, name, workspace_id, created_by, created_by_email, datasets, tools, expires_at, budget_total, budget_used, created_at, last_used_at, revoked_at, revoked_by";

function stringList(text: unknown): string[] {
  try {
    const v = JSON.parse(String(text)) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return []; // a damaged list grants nothing
  }
}

function toRow(r: Record<string, unknown>): AgentCredentialRow {
  return {
    id: String(r.id),
    name: String(r.name),
    workspaceId: String(r.workspace_id),
    createdBy: String(r.created_by),
    createdByEmail: String(r.created_by_email),
    datasets: stringList(r.datasets),
    tools: stringList(r.tools),
    expiresAt: String(r.expires_at),
    budgetTotal: Number(r.budget_total),
    budgetUsed: Number(r.budget_used),
    createdAt: String(r.created_at),
    lastUsedAt: r.last_used_at === null || r.last_used_at === undefined ? null : String(r.last_used_at),
    revokedAt: r.revoked_at === null || r.revoked_at === undefined ? null : String(r.revoked_at),
    revokedBy: r.revoked_by === null || r.revoked_by === undefined ? null : String(r.revoked_by),
  };
}

/**
 * Store a new agent credential (only the token's hash).
 * @example await insertAgentCredential(sql, { id: "agt_1", name: "Assistant", workspaceId: "default", createdBy: "u1", createdByEmail: "a@x", datasets: ["demo"], tools: ["crosstab"], expiresAt: "2027-01-01T00:00:00.000Z", budgetTotal: 100, tokenHash: "…", createdAt: "…" })
 */
export async function insertAgentCredential(
  sql: SqlRunner,
  c: Omit<AgentCredentialRow, "budgetUsed" | "lastUsedAt" | "revokedAt" | "revokedBy"> & { tokenHash: string },
): Promise<void> {
  await sql.all(
    `INSERT INTO agent_credentials (id, name, workspace_id, created_by, created_by_email, datasets, tools, expires_at, budget_total, budget_used, token_hash, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11)`,
    [c.id, c.name, c.workspaceId, c.createdBy, c.createdByEmail, JSON.stringify(c.datasets), JSON.stringify(c.tools), c.expiresAt, c.budgetTotal, c.tokenHash, c.createdAt],
  );
}

/** A workspace's agent credentials, newest first. @example await listAgentCredentials(sql, "default") */
export async function listAgentCredentials(sql: SqlRunner, workspaceId: string): Promise<AgentCredentialRow[]> {
  const rows = await sql.all(`SELECT ${COLUMNS} FROM agent_credentials WHERE workspace_id = $1 ORDER BY created_at DESC, id`, [workspaceId]);
  return rows.map(toRow);
}

/** The credential with this token hash (revoked and expired ones included: the caller says why it refuses), or null. */
export async function findAgentCredentialByHash(sql: SqlRunner, tokenHash: string): Promise<AgentCredentialRow | null> {
  const rows = await sql.all(`SELECT ${COLUMNS} FROM agent_credentials WHERE token_hash = $1`, [tokenHash]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** One credential by id, reread (budget, revocation) at every call. @example await getAgentCredential(sql, "agt_1") */
export async function getAgentCredential(sql: SqlRunner, id: string): Promise<AgentCredentialRow | null> {
  const rows = await sql.all(`SELECT ${COLUMNS} FROM agent_credentials WHERE id = $1`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Revoke an active credential of the workspace at once. @example await revokeAgentCredential(sql, "default", "agt_1", "u1", new Date().toISOString()) // true */
export async function revokeAgentCredential(sql: SqlRunner, workspaceId: string, id: string, by: string, at: string): Promise<boolean> {
  const rows = await sql.all(`UPDATE agent_credentials SET revoked_at = $1, revoked_by = $2 WHERE id = $3 AND workspace_id = $4 AND revoked_at IS NULL RETURNING id`, [
    at,
    by,
    id,
    workspaceId,
  ]);
  return rows.length > 0;
}

/**
 * Spend one query of the credential's budget, atomically (two instances cannot both spend the last
 * one), and record the use. Returns the queries left, or null when the budget is spent or the
 * credential was revoked meanwhile.
 * @example await spendAgentBudget(sql, "agt_1", new Date().toISOString()) // 99
 */
export async function spendAgentBudget(sql: SqlRunner, id: string, at: string): Promise<number | null> {
  const rows = await sql.all(
    `UPDATE agent_credentials SET budget_used = budget_used + 1, last_used_at = $1
     WHERE id = $2 AND revoked_at IS NULL AND budget_used < budget_total RETURNING budget_total - budget_used AS left_over`,
    [at, id],
  );
  return rows[0] ? Number(rows[0].left_over) : null;
}

/** Record an attempt (refused calls too) as the credential's last use. */
export async function touchAgentCredential(sql: SqlRunner, id: string, at: string): Promise<void> {
  await sql.all(`UPDATE agent_credentials SET last_used_at = $1 WHERE id = $2`, [at, id]);
}
