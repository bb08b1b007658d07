import type { DuckDBConnection } from "@duckdb/node-api";
import type { RowSink } from "@/lib/ingest/types";
import type { StoredColumn } from "@/lib/schema/question";
import { ident } from "../sql/params";

/** Appends ingested rows inside the import transaction; empty cells become NULL. */
export class DuckDbSink implements RowSink {
  private appender: Awaited<ReturnType<DuckDBConnection["createAppender"]>> | undefined;
  private rowId = 0;
  private width = 0;
  constructor(
    private readonly conn: DuckDBConnection,
    private readonly table: string,
  ) {}

  async begin(columns: StoredColumn[]): Promise<void> {
    if (this.appender) throw new Error("sink: begin called twice");
    const defs = columns.map((c) => `${ident(c.name)} VARCHAR`);
    await this.conn.run(`CREATE TABLE ${ident(this.table)} (rid BIGINT NOT NULL${defs.length ? ", " + defs.join(", ") : ""})`);
    this.width = columns.length;
    this.appender = await this.conn.createAppender(this.table);
  }

  async write(rows: string[][]): Promise<void> {
    const a = this.appender;
    if (!a) throw new Error("sink: write before begin");
    for (const row of rows) {
      if (row.length !== this.width) throw new Error(`sink: row of ${row.length} cells, expected ${this.width}`);
      a.appendBigInt(BigInt(this.rowId++));
      for (const cell of row) {
        if (cell === "") a.appendNull();
        else a.appendVarchar(cell);
      }
      a.endRow();
    }
    a.flushSync();
  }

  async finish(columns: StoredColumn[]): Promise<void> {
    if (!this.appender) await this.begin(columns);
    this.appender!.flushSync();
    this.appender!.closeSync();
  }
}
