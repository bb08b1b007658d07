/**
 * A dataset's governance record (`dataset_governance`): its confidentiality policy and uploader.
 * The meaning of the record (the audience model) is in lib/disclosure/audience.ts.
 */
import { exclusive, type SqlRunner } from "../runner/sql-runner";

/** The stored record, unparsed; null when the dataset has none. */
export async function readDatasetGovernance(sql: SqlRunner, datasetId: string): Promise<{ policy: string; uploadedBy: string | null } | null> {
  const rows = await sql.all(`SELECT policy, uploaded_by FROM dataset_governance WHERE dataset_id = $1`, [datasetId]);
  const r = rows[0];
  return r ? { policy: String(r.policy), uploadedBy: r.uploaded_by == null ? null : String(r.uploaded_by) } : null;
}

/** Record who uploaded a dataset (once; a later call does not change the uploader). */
export async function recordUploader(sql: SqlRunner, datasetId: string, userId: string): Promise<void> {
  await exclusive(sql, () =>
    sql.all(
      `INSERT INTO dataset_governance (dataset_id, policy, uploaded_by, updated_by, updated_at) VALUES ($1, 'protected', $2, $2, $3)
       ON CONFLICT (dataset_id) DO UPDATE SET uploaded_by = coalesce(dataset_governance.uploaded_by, excluded.uploaded_by)`,
      [datasetId, userId, new Date().toISOString()],
    ),
  );
}

/** Set a dataset's confidentiality policy (the caller has checked who may). */
export async function writeDatasetPolicy(sql: SqlRunner, datasetId: string, policy: string, byUserId: string): Promise<void> {
  await exclusive(sql, () =>
    sql.all(
      `INSERT INTO dataset_governance (dataset_id, policy, uploaded_by, updated_by, updated_at) VALUES ($1, $2, NULL, $3, $4)
       ON CONFLICT (dataset_id) DO UPDATE SET policy = excluded.policy, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [datasetId, policy, byUserId, new Date().toISOString()],
    ),
  );
}

/** After a dataset is deleted. */
export async function forgetDatasetGovernance(sql: SqlRunner, datasetId: string): Promise<void> {
  await sql.all(`DELETE FROM dataset_governance WHERE dataset_id = $1`, [datasetId]);
  await sql.all(`DELETE FROM dataset_column_status WHERE dataset_id = $1`, [datasetId]);
  await sql.all(`DELETE FROM dataset_cell_key WHERE dataset_id = $1`, [datasetId]);
}
