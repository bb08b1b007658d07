/**
 * Who owns a dataset (`dataset_owners`) and who it is shared with (`dataset_access`).
 */
import type { SqlRunner } from "../runner/sql-runner";

/** The caller a visibility query is asked for. */
export interface DatasetReader {
  userId: string;
  workspaceId: string;
}

/**
 * The workspace owning a dataset, or null when no such dataset — or when it has no owner row: a
 * dataset without an owner belongs to nobody and is visible to nobody (fail closed; imports write
 * the owner in their own transaction, so only a legacy or hand-made row can lack one).
 */
export async function datasetWorkspace(sql: SqlRunner, datasetId: string): Promise<string | null> {
  const rows = await sql.all(
    `SELECT o.workspace_id AS w FROM dataset_owners o WHERE o.dataset_id = $1 AND EXISTS (SELECT 1 FROM datasets d WHERE d.id = $1)`,
    [datasetId],
  );
  return rows[0]?.w == null ? null : String(rows[0].w);
}

/** Assign a dataset to a workspace (all its versions). Imports do it in their own transaction (`NewDatasetMeta.workspaceId`). */
export async function setDatasetWorkspace(sql: SqlRunner, datasetId: string, workspaceId: string): Promise<void> {
  await sql.all(
    `INSERT INTO dataset_owners (dataset_id, workspace_id) VALUES ($1, $2)
     ON CONFLICT (dataset_id) DO UPDATE SET workspace_id = excluded.workspace_id`,
    [datasetId, workspaceId],
  );
}

/** Give an ownerless dataset an owner (an existing owner is kept); the seed uses it for the demo datasets of older installs. */
export async function adoptDataset(sql: SqlRunner, datasetId: string, workspaceId: string): Promise<void> {
  await sql.all(`INSERT INTO dataset_owners (dataset_id, workspace_id) VALUES ($1, $2) ON CONFLICT (dataset_id) DO NOTHING`, [datasetId, workspaceId]);
}

/** Share a dataset with another workspace (every member) or with one user of that workspace. */
export async function shareDataset(sql: SqlRunner, input: { datasetId: string; workspaceId: string; userId?: string | null }): Promise<void> {
  await sql.all(
    `INSERT INTO dataset_access (dataset_id, workspace_id, shared_with_user_id)
     SELECT $1::VARCHAR, $2::VARCHAR, $3::VARCHAR WHERE NOT EXISTS (
       SELECT 1 FROM dataset_access WHERE dataset_id = $1::VARCHAR AND workspace_id = $2::VARCHAR AND shared_with_user_id IS NOT DISTINCT FROM $3::VARCHAR)`,
    [input.datasetId, input.workspaceId, input.userId ?? null],
  );
}

export async function unshareDataset(sql: SqlRunner, input: { datasetId: string; workspaceId: string; userId?: string | null }): Promise<boolean> {
  const rows = await sql.all(
    `DELETE FROM dataset_access WHERE dataset_id = $1 AND workspace_id = $2 AND shared_with_user_id IS NOT DISTINCT FROM $3::VARCHAR RETURNING 1 AS x`,
    [input.datasetId, input.workspaceId, input.userId ?? null],
  );
  return rows.length > 0;
}

/**
 * Whether the dataset is shared with the reader's workspace (every member) or with the reader.
 * @example await isSharedWith(sql, { userId: "u1", workspaceId: "ws_1" }, "demo") // false
 */
export async function isSharedWith(sql: SqlRunner, reader: DatasetReader, datasetId: string): Promise<boolean> {
  const rows = await sql.all(
    `SELECT 1 AS x FROM dataset_access WHERE dataset_id = $1 AND workspace_id = $2
     AND (shared_with_user_id IS NULL OR shared_with_user_id = $3) LIMIT 1`,
    [datasetId, reader.workspaceId, reader.userId],
  );
  return rows.length > 0;
}

/**
 * Ids of the datasets a workspace owns (a dataset without a `dataset_owners` row is nobody's).
 * @example await ownedDatasetIds(sql, "default") // Set { "demo" }
 */
export async function ownedDatasetIds(sql: SqlRunner, workspaceId: string): Promise<Set<string>> {
  const owned = await sql.all(
    `SELECT d.id FROM datasets d JOIN dataset_owners o ON o.dataset_id = d.id WHERE o.workspace_id = $1 GROUP BY d.id`,
    [workspaceId],
  );
  return new Set(owned.map((r) => String(r.id)));
}

/** Ids of every dataset the viewer may see (filter `listDatasets()` with it). */
export async function visibleDatasetIdsWith(sql: SqlRunner, viewer: DatasetReader): Promise<Set<string>> {
  const rows = await sql.all(
    `SELECT DISTINCT d.id FROM datasets d JOIN dataset_owners o ON o.dataset_id = d.id WHERE o.workspace_id = $1
     UNION
     SELECT a.dataset_id AS id FROM dataset_access a JOIN dataset_owners o ON o.dataset_id = a.dataset_id
     WHERE a.workspace_id = $1 AND (a.shared_with_user_id IS NULL OR a.shared_with_user_id = $2)`,
    [viewer.workspaceId, viewer.userId],
  );
  return new Set(rows.map((r) => String(r.id)));
}

export interface DatasetShare {
  datasetId: string;
  workspaceId: string;
  workspaceName: string;
  /** null: every member of the workspace */
  userId: string | null;
  email: string | null;
}

/**
 * The shares of the datasets a workspace owns (one dataset with `datasetId`).
 *
 * @example
 * await listDatasetShares(sql, "default", "demo") // [{ datasetId: "demo", workspaceId: "ws_1", … }]
 */
export async function listDatasetShares(sql: SqlRunner, ownerWorkspaceId: string, datasetId?: string): Promise<DatasetShare[]> {
  const rows = await sql.all(
    `SELECT a.dataset_id, a.workspace_id, w.name AS workspace_name, a.shared_with_user_id, u."email" AS email
     FROM dataset_access a
     JOIN dataset_owners o ON o.dataset_id = a.dataset_id
     LEFT JOIN workspaces w ON w.id = a.workspace_id
     LEFT JOIN auth_user u ON u."id" = a.shared_with_user_id
     WHERE o.workspace_id = $1 AND ($2::VARCHAR IS NULL OR a.dataset_id = $2)
     ORDER BY a.dataset_id, a.workspace_id, a.created_at`,
    [ownerWorkspaceId, datasetId ?? null],
  );
  return rows.map((r) => ({
    datasetId: String(r.dataset_id),
    workspaceId: String(r.workspace_id),
    workspaceName: r.workspace_name == null ? String(r.workspace_id) : String(r.workspace_name),
    userId: r.shared_with_user_id == null ? null : String(r.shared_with_user_id),
    email: r.email == null ? null : String(r.email),
  }));
}
