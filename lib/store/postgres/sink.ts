import type { PoolClient } from "pg";
import type { RowSink } from "@/lib/ingest/types";
import { AppError } from "@/lib/schema/errors";
import type { StoredColumn } from "@/lib/schema/question";
import { ident } from "../sql/params";

/** PostgreSQL allows 1600 columns per table; one is `rid`. */
export const PG_MAX_DATA_COLUMNS = 1599;
/** cells sent per INSERT (keeps each statement a few MB at most) */
const CELLS_PER_BATCH = 100_000;
const MAX_ROWS_PER_BATCH = 5_000;

/**
 * Writes ingested rows inside the import transaction; empty cells become NULL. Each batch is one
 * `INSERT … SELECT * FROM unnest($1::bigint[], $2::text[], …)`: one array parameter per column,
 * so the statement has `width + 1` parameters whatever the batch size (PostgreSQL's limit is
 * 65,535 per statement) and the server parses a single short statement per batch.
 */
export class PgSink implements RowSink {
  private begun = false;
  private rowId = 0;
  private width = 0;
  private insertSql = "";
  private batchRows = 1;

  constructor(
    private readonly client: PoolClient,
    private readonly table: string,
  ) {}

  async begin(columns: StoredColumn[]): Promise<void> {
    if (this.begun) throw new Error("sink: begin called twice");
    if (columns.length > PG_MAX_DATA_COLUMNS) {
      throw new AppError(
        "import_failed",
        `the file has ${columns.length} columns; the PostgreSQL store holds at most ${PG_MAX_DATA_COLUMNS} (the embedded DuckDB store has no such limit)`,
      );
    }
    const names = columns.map((c) => ident(c.name));
    const defs = names.map((n) => `${n} TEXT`);
    await this.client.query(`CREATE TABLE ${ident(this.table)} (rid BIGINT NOT NULL${defs.length ? ", " + defs.join(", ") : ""})`);
    this.width = columns.length;
    const arrays = ["$1::bigint[]", ...names.map((_, i) => `$${i + 2}::text[]`)];
    this.insertSql = `INSERT INTO ${ident(this.table)} (rid${names.map((n) => ", " + n).join("")}) SELECT * FROM unnest(${arrays.join(", ")})`;
    this.batchRows = Math.max(1, Math.min(MAX_ROWS_PER_BATCH, Math.floor(CELLS_PER_BATCH / Math.max(1, this.width))));
    this.begun = true;
  }

  async write(rows: string[][]): Promise<void> {
    if (!this.begun) throw new Error("sink: write before begin");
    for (let start = 0; start < rows.length; start += this.batchRows) {
      await this.insert(rows.slice(start, start + this.batchRows));
    }
  }

  private async insert(batch: string[][]): Promise<void> {
    const rids: number[] = [];
    const cols: (string | null)[][] = Array.from({ length: this.width }, () => []);
    for (const row of batch) {
      if (row.length !== this.width) throw new Error(`sink: row of ${row.length} cells, expected ${this.width}`);
      rids.push(this.rowId++);
      for (let i = 0; i < this.width; i++) cols[i].push(row[i] === "" ? null : row[i]);
    }
    try {
      await this.client.query(this.insertSql, [rids, ...cols]);
    } catch (err) {
      // 22021: PostgreSQL text cannot hold U+0000
      if ((err as { code?: string }).code === "22021") {
        throw new AppError("import_failed", "the file contains NUL (0x00) characters, which the PostgreSQL store cannot hold");
      }
      throw err;
    }
  }

  async finish(columns: StoredColumn[]): Promise<void> {
    if (!this.begun) await this.begin(columns);
  }
}
