/**
 * Deleting a workspace with everything it owns (`deleteWorkspaceRows`), run by the store inside
 * ONE transaction together with dropping the data tables (`SurveyStore.deleteWorkspace`): its
 * datasets (data tables dropped, metadata rows blanked to tombstones as `deleteDataset` does),
 * their owners, governance, shares and release histories, shares made TO the workspace, its saved
 * views, dashboards, memberships, pending invitations and API tokens, and the workspace row. The
 * audit trail is append-only and keeps its records.
 */
import { ident } from "../sql/params";
import type { SqlRunner } from "../runner/sql-runner";

export interface WorkspaceDeletion {
  /** ids of the datasets that were deleted with the workspace */
  datasetIds: string[];
  /** their data tables (dropped; the caller forgets them from its caches) */
  dataTables: string[];
  members: number;
  views: number;
  dashboards: number;
}

/** The live datasets a workspace owns (id and data tables of every version). */
export async function workspaceDatasetTables(sql: SqlRunner, workspaceId: string): Promise<{ id: string; table: string }[]> {
  const rows = await sql.all(
    `SELECT DISTINCT d.id, d.data_table FROM datasets d JOIN dataset_owners o ON o.dataset_id = d.id
     WHERE o.workspace_id = $1 AND NOT d.deleted ORDER BY d.id, d.data_table`,
    [workspaceId],
  );
  return rows.map((r) => ({ id: String(r.id), table: String(r.data_table) }));
}

/**
 * Delete a workspace and what it owns, inside the caller's transaction `tx`; null when there is
 * no such workspace (nothing changed). The caller refuses the Default workspace before.
 *
 * @example
 * await store.deleteWorkspace("ws_1") // calls deleteWorkspaceRows(tx, "ws_1") in its transaction
 */
export async function deleteWorkspaceRows(tx: SqlRunner, workspaceId: string): Promise<WorkspaceDeletion | null> {
  const exists = await tx.all(`SELECT id FROM workspaces WHERE id = $1`, [workspaceId]);
  if (!exists.length) return null;
  const owned = await workspaceDatasetTables(tx, workspaceId);
  const datasetIds = [...new Set(owned.map((o) => o.id))];
  for (const t of [...new Set(owned.map((o) => o.table))]) await tx.all(`DROP TABLE IF EXISTS ${ident(t)}`);
  let viewCount = 0;
  for (const id of datasetIds) {
    // C44: the tombstone keeps no metadata (headers, labels, option values and counts)
    await tx.all(`UPDATE datasets SET deleted = TRUE, name = '', meta = ${tx.dialect === "postgres" ? "'{}'::jsonb" : "'{}'"} WHERE id = $1`, [id]);
    await tx.all(`DELETE FROM viewer_populations WHERE dataset_id = $1`, [id]);
    await tx.all(`DELETE FROM dataset_governance WHERE dataset_id = $1`, [id]);
    await tx.all(`DELETE FROM dataset_column_status WHERE dataset_id = $1`, [id]);
    await tx.all(`DELETE FROM dataset_cell_key WHERE dataset_id = $1`, [id]);
    await tx.all(`DELETE FROM dataset_access WHERE dataset_id = $1`, [id]);
    // views of its datasets, also those another workspace saved over a share
    viewCount += (await tx.all(`DELETE FROM saved_views WHERE dataset_id = $1 RETURNING 1 AS x`, [id])).length;
  }
  // owner rows last among the dataset rows: a dataset without an owner is visible to nobody anyway
  await tx.all(`DELETE FROM dataset_owners WHERE workspace_id = $1`, [workspaceId]);
  await tx.all(`DELETE FROM dataset_access WHERE workspace_id = $1`, [workspaceId]);
  const views = await tx.all(`DELETE FROM saved_views WHERE workspace_id = $1 RETURNING 1 AS x`, [workspaceId]);
  const dashboards = await tx.all(`DELETE FROM dashboards WHERE workspace_id = $1 RETURNING 1 AS x`, [workspaceId]);
  const members = await tx.all(`DELETE FROM memberships WHERE workspace_id = $1 RETURNING 1 AS x`, [workspaceId]);
  await tx.all(`DELETE FROM workspace_invitations WHERE workspace_id = $1`, [workspaceId]);
  await tx.all(`DELETE FROM api_tokens WHERE workspace_id = $1`, [workspaceId]);
  // AI agent credentials of the workspace end with it (their audit records stay in the chain)
  await tx.all(`DELETE FROM agent_credentials WHERE workspace_id = $1`, [workspaceId]);
  await tx.all(`DELETE FROM workspaces WHERE id = $1`, [workspaceId]);
  return { datasetIds, dataTables: [...new Set(owned.map((o) => o.table))], members: members.length, views: viewCount + views.length, dashboards: dashboards.length };
}
