import type { DuckDBConnection } from "@duckdb/node-api";
import type { BulkLoader, RowSink } from "@/lib/ingest/types";
import type { StoredColumn } from "@/lib/schema/question";
import { ident } from "../sql/params";
import { duckDbBulkLoader } from "./bulk-load";

/**
 * Appends ingested rows inside the import transaction; empty cells become NULL. `bulk` loads a
 * whole CSV file with DuckDB's own reader instead (then `begin`/`write` are not called).
 */
export class DuckDbSink implements RowSink {
  private appender: Awaited<ReturnType<DuckDBConnection["createAppender"]>> | undefined;
  private width = 0;
  private bulkLoaded = false;
  readonly bulk: BulkLoader;
  constructor(
    private readonly conn: DuckDBConnection,
    private readonly table: string,
  ) {
    const loader = duckDbBulkLoader(conn, table);
    this.bulk = {
      ...loader,
      load: async (plan) => {
        if (this.appender || this.bulkLoaded) throw new Error("sink: bulk load after begin");
        const rows = await loader.load(plan);
        this.bulkLoaded = rows !== null;
        return rows;
      },
      discard: async () => {
        await loader.discard();
        this.bulkLoaded = false;
      },
    };
  }

  async begin(columns: StoredColumn[]): Promise<void> {
    if (this.appender) throw new Error("sink: begin called twice");
    const defs = columns.map((c) => `${ident(c.name)} VARCHAR`);
    if (!defs.length) throw new Error("sink: no columns");
    // no row-number column: rows are appended in file order, so `rowid` is the file order (dialect.rowOrder)
    await this.conn.run(`CREATE TABLE ${ident(this.table)} (${defs.join(", ")})`);
    this.width = columns.length;
    this.appender = await this.conn.createAppender(this.table);
  }

  async write(rows: string[][]): Promise<void> {
    const a = this.appender;
    if (!a) throw new Error("sink: write before begin");
    for (const row of rows) {
      if (row.length !== this.width) throw new Error(`sink: row of ${row.length} cells, expected ${this.width}`);
      for (const cell of row) {
        if (cell === "") a.appendNull();
        else a.appendVarchar(cell);
      }
      a.endRow();
    }
    a.flushSync();
  }

  async finish(columns: StoredColumn[]): Promise<void> {
    if (this.bulkLoaded) return;
    if (!this.appender) await this.begin(columns);
    this.appender!.flushSync();
    this.appender!.closeSync();
  }
}
