/**
 * The cell-key method's per-dataset secret (`dataset_cell_key`). A respondent's record key is
 * MD5(secret ":" row ordinal) cut to 12 bits (`SqlDialect.recordKey`): fixed for the dataset's life
 * (every version shares the row ordinals), the same on DuckDB and PostgreSQL, and unknowable without
 * the secret, which never leaves the server.
 */
import { randomBytes } from "node:crypto";
import { exclusive, type SqlRunner } from "../runner/sql-runner";

/** Insert-if-absent: a secret, once written, never changes. */
export const INSERT_CELL_KEY_SECRET = `INSERT INTO dataset_cell_key (dataset_id, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT (dataset_id) DO NOTHING`;

/** A fresh 128-bit secret (hex). */
export function newCellKeySecret(): string {
  return randomBytes(16).toString("hex");
}

/**
 * The dataset's secret, created atomically on first use (two racing callers read the same one).
 * @example const secret = await ensureCellKeySecret(sql, "survey-1")
 */
export async function ensureCellKeySecret(sql: SqlRunner, datasetId: string): Promise<string> {
  return exclusive(sql, async () => {
    await sql.all(INSERT_CELL_KEY_SECRET, [datasetId, newCellKeySecret(), new Date().toISOString()]);
    const rows = await sql.all(`SELECT secret FROM dataset_cell_key WHERE dataset_id = $1`, [datasetId]);
    return String(rows[0].secret);
  });
}

/** The dataset's secret, or null when none was written. */
export async function readCellKeySecret(sql: SqlRunner, datasetId: string): Promise<string | null> {
  const rows = await sql.all(`SELECT secret FROM dataset_cell_key WHERE dataset_id = $1`, [datasetId]);
  return rows[0] ? String(rows[0].secret) : null;
}
