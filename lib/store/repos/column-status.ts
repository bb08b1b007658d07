/**
 * The governed status of a dataset's stored columns (`dataset_column_status`): identifier,
 * free-text, quasi-identifier or none. Its meaning is in lib/governance/column-status.ts.
 */
import { exclusive, type SqlRunner } from "../runner/sql-runner";

export interface StoredColumnStatus {
  column: string;
  status: string;
  /** "detected" (proposed at import or when first seen) or "admin" */
  source: string;
  decidedBy: string | null;
}

/**
 * The statements (and their parameters) recording detection's proposal for many columns at once,
 * insert-if-absent, in batches of 250 rows (a wide survey has thousands of columns).
 */
export function detectedColumnStatusInserts(datasetId: string, rows: { column: string; status: string }[]): { sql: string; params: string[] }[] {
  const at = new Date().toISOString();
  const out: { sql: string; params: string[] }[] = [];
  for (let i = 0; i < rows.length; i += 250) {
    const batch = rows.slice(i, i + 250);
    const values = batch.map((_, j) => `($1, $${j * 2 + 3}, $${j * 2 + 4}, 'detected', NULL, $2)`).join(", ");
    out.push({
      sql: `INSERT INTO dataset_column_status (dataset_id, column_name, status, source, decided_by, updated_at) VALUES ${values} ON CONFLICT (dataset_id, column_name) DO NOTHING`,
      params: [datasetId, at, ...batch.flatMap((r) => [r.column, r.status])],
    });
  }
  return out;
}

/** Every stored column status of a dataset (empty when none was recorded). */
export async function readColumnStatus(sql: SqlRunner, datasetId: string): Promise<StoredColumnStatus[]> {
  const rows = await sql.all(`SELECT column_name, status, source, decided_by FROM dataset_column_status WHERE dataset_id = $1`, [datasetId]);
  return rows.map((r) => ({ column: String(r.column_name), status: String(r.status), source: String(r.source), decidedBy: r.decided_by == null ? null : String(r.decided_by) }));
}

/** Record detection's proposal for columns that have no status yet (an existing status is kept). */
export async function proposeColumnStatus(sql: SqlRunner, datasetId: string, rows: { column: string; status: string }[]): Promise<void> {
  if (!rows.length) return;
  await exclusive(sql, () => sql.transaction(async (tx) => {
    for (const st of detectedColumnStatusInserts(datasetId, rows)) await tx.all(st.sql, st.params);
  }));
}

/** An admin's decision for some columns (overwrites the stored status). */
export async function writeColumnStatus(sql: SqlRunner, datasetId: string, rows: { column: string; status: string }[], byUserId: string): Promise<void> {
  const at = new Date().toISOString();
  await exclusive(sql, () => sql.transaction(async (tx) => {
    for (const r of rows) {
      await tx.all(
        `INSERT INTO dataset_column_status (dataset_id, column_name, status, source, decided_by, updated_at) VALUES ($1, $2, $3, 'admin', $4, $5)
         ON CONFLICT (dataset_id, column_name) DO UPDATE SET status = excluded.status, source = excluded.source, decided_by = excluded.decided_by, updated_at = excluded.updated_at`,
        [datasetId, r.column, r.status, byUserId, at],
      );
    }
  }));
}

/** After a dataset is deleted. */
export async function forgetColumnStatus(sql: SqlRunner, datasetId: string): Promise<void> {
  await sql.all(`DELETE FROM dataset_column_status WHERE dataset_id = $1`, [datasetId]);
}
