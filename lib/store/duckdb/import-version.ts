import type { DuckDBInstance } from "@duckdb/node-api";
import type { IngestResult, RowSink } from "@/lib/ingest/types";
import type { Dataset } from "@/lib/schema/dataset";
import { newDatasetRecord, UPSERT_OWNER, UPSERT_UPLOADER } from "../dataset-record";
import { INSERT_CELL_KEY_SECRET, newCellKeySecret } from "../repos/cell-key";
import { detectedColumnStatusInserts } from "../repos/column-status";
import type { FinishImport, NewDatasetMeta } from "../types";
import { dropIfUnregistered } from "./orphan-tables";
import { DuckDbSink } from "./sink";
import { addTypedColumns, numericColumns } from "./typed-columns";

/** the version an import writes: its dataset id, version number and data table */
export interface ImportTarget {
  id: string;
  version: number;
  table: string;
}

/**
 * Write one imported version on its own connection, in one transaction: the data table (typed
 * shadow columns included), its `datasets` row, owner, uploader, detected column statuses and
 * cell-key secret. On failure nothing is left, not even a table the bulk loader committed.
 * The caller serialises writes (DuckDbStore's write queue).
 */
export async function importVersion(
  instance: DuckDBInstance,
  { id, version, table }: ImportTarget,
  meta: NewDatasetMeta,
  run: (sink: RowSink) => Promise<IngestResult>,
  finish?: FinishImport,
): Promise<Dataset> {
  const conn = await instance.connect();
  // a table of this name can only be one a crashed bulk import committed (its version was never registered)
  await dropIfUnregistered(conn, table);
  await conn.run("BEGIN TRANSACTION");
  try {
    const sink = new DuckDbSink(conn, table);
    let result = await run(sink);
    await sink.finish(result.columns);
    if (finish) result = finish(result);
    await addTypedColumns(conn, table, numericColumns(result.questions));
    const dataset = newDatasetRecord(id, version, meta, result);
    await conn.run(`INSERT INTO datasets (id, version, data_table, name, meta) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      version,
      table,
      meta.name,
      JSON.stringify(dataset),
    ]);
    // the owner commits with the dataset row (both import paths register here): never a moment
    // in which the dataset exists without its workspace
    if (meta.workspaceId) await conn.run(UPSERT_OWNER, [id, meta.workspaceId]);
    if (meta.uploadedBy) await conn.run(UPSERT_UPLOADER, [id, meta.uploadedBy, new Date().toISOString()]);
    for (const st of detectedColumnStatusInserts(id, meta.columnStatus?.(dataset) ?? [])) await conn.run(st.sql, st.params);
    // the cell-key method's secret (record keys derive from it): fixed at import
    await conn.run(INSERT_CELL_KEY_SECRET, [id, newCellKeySecret(), new Date().toISOString()]);
    await conn.run("COMMIT");
    return dataset;
  } catch (err) {
    await conn.run("ROLLBACK").catch(() => undefined);
    // the bulk loader commits the data table before this transaction registers it (see bulk-load.ts): no dataset row, no table
    await dropIfUnregistered(conn, table).catch(() => undefined);
    throw err;
  } finally {
    conn.closeSync();
  }
}
