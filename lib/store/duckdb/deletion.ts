import type { DuckDBInstance } from "@duckdb/node-api";
import { ident } from "../sql/params";
import { connectionRunner } from "../runner/sql-runner";
import { deleteWorkspaceRows, type WorkspaceDeletion } from "../repos/workspace-deletion";
import { wipeFreeBlocks } from "./wipe-free-blocks";

/**
 * Drop a dataset's data tables and turn its rows into a tombstone, in one transaction on its own
 * connection, then overwrite the blocks the dropped tables freed (C44). The caller serialises
 * writes (DuckDbStore's write queue) and forgets its caches of the dataset afterwards.
 */
export async function deleteDatasetTables(instance: DuckDBInstance, id: string, tables: string[]): Promise<void> {
  const conn = await instance.connect();
  try {
    await conn.run("BEGIN TRANSACTION");
    for (const table of tables) await conn.run(`DROP TABLE IF EXISTS ${ident(table)}`);
    // C44: the metadata (headers, labels, option values and counts) goes too; the row stays as a
    // tombstone so a re-upload under the same id gets a fresh version number
    await conn.run(`UPDATE datasets SET deleted = TRUE, name = '', meta = '{}' WHERE id = $1`, [id]);
    await conn.run("COMMIT");
  } catch (err) {
    await conn.run("ROLLBACK").catch(() => undefined);
    conn.closeSync();
    throw err;
  }
  try {
    await wipeFreeBlocks(conn); // C44: overwrite the blocks the dropped tables freed
  } catch (err) {
    wipeFailed(err);
  } finally {
    conn.closeSync();
  }
}

/**
 * The dataset is deleted once its transaction commits; a wipe that fails afterwards (the file
 * cannot be checkpointed for 30 s) must not answer the deletion as failed. It is logged without
 * data; the next deletion's wipe overwrites every free block, these too.
 */
function wipeFailed(err: unknown): void {
  console.warn(`[store] freed blocks not overwritten yet (the next deletion's wipe covers them): ${String((err as Error)?.message ?? err).slice(0, 200)}`);
}

/**
 * Delete a workspace and everything it holds (`deleteWorkspaceRows`) in one transaction on its
 * own connection; when data tables were dropped, their freed blocks are overwritten (C44).
 */
export async function deleteWorkspaceTables(instance: DuckDBInstance, workspaceId: string): Promise<WorkspaceDeletion | null> {
  const conn = await instance.connect();
  try {
    await conn.run("BEGIN TRANSACTION");
    const deleted = await deleteWorkspaceRows(connectionRunner(conn), workspaceId);
    await conn.run("COMMIT");
    if (deleted?.dataTables.length) await wipeFreeBlocks(conn).catch(wipeFailed); // C44, as for one dataset
    return deleted;
  } catch (err) {
    await conn.run("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    conn.closeSync();
  }
}
