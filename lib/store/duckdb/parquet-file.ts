/**
 * Parquet bytes for a small typed table, written by DuckDB's Parquet writer (no pure-JS writer is
 * a dependency): an in-memory DuckDB instance of its own, the rows appended (values never enter
 * SQL text), `COPY … TO` a file in a private temporary directory (mode 0700) with the key/value
 * metadata, read back and deleted whatever happens. Column names and metadata enter the statement
 * quoted (`"` and `'` doubled); NUL characters, which DuckDB cannot take there, become U+FFFD.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

export interface ParquetInput {
  columns: { name: string; type: "DOUBLE" | "VARCHAR" }[];
  rows: (number | string | null)[][];
  /** file-level key/value metadata */
  metadata: Record<string, string>;
}

/** rows appended between two turns of the event loop (an admin's segment can take seconds) */
const ROWS_PER_TURN = 10_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const noNul = (s: string) => s.replace(/\u0000/g, "\ufffd");
const quoteName = (s: string) => `"${noNul(s).replace(/"/g, '""')}"`;
const quoteText = (s: string) => `'${noNul(s).replace(/'/g, "''")}'`;

/**
 * The table as a zstd-compressed Parquet file, its columns in order with the given names and types.
 *
 * @example
 * const bytes = await writeParquet({ columns: [{ name: "age", type: "DOUBLE" }], rows: [[34], [null]], metadata: { "surveyscope.k": "5" } });
 */
export async function writeParquet(table: ParquetInput): Promise<Buffer> {
  if (table.columns.length === 0) throw new Error("a Parquet file needs at least one column");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "surveyscope-parquet-"));
  const file = path.join(dir, `${crypto.randomUUID()}.parquet`);
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  try {
    const conn = await instance.connect();
    try {
      // internal names c0…cN; the wanted names only as output aliases
      await conn.run(`CREATE TABLE export_rows (${table.columns.map((c, j) => `c${j} ${c.type === "DOUBLE" ? "DOUBLE" : "VARCHAR"}`).join(", ")})`);
      const appender = await conn.createAppender("export_rows");
      for (const [i, row] of table.rows.entries()) {
        if (row.length !== table.columns.length) throw new Error(`row has ${row.length} cells, expected ${table.columns.length}`);
        if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn();
        row.forEach((v, j) => {
          if (v === null) appender.appendNull();
          else if (table.columns[j].type === "DOUBLE") appender.appendDouble(Number(v));
          else appender.appendVarchar(String(v));
        });
        appender.endRow();
      }
      appender.flushSync();
      appender.closeSync();
      const select = table.columns.map((c, j) => `c${j} AS ${quoteName(c.name)}`).join(", ");
      const kv = Object.entries(table.metadata).map(([k, v]) => `${quoteText(k)}: ${quoteText(v)}`);
      const options = ["FORMAT parquet", "COMPRESSION zstd", ...(kv.length ? [`KV_METADATA {${kv.join(", ")}}`] : [])];
      await conn.run(`COPY (SELECT ${select} FROM export_rows) TO ${quoteText(file)} (${options.join(", ")})`);
    } finally {
      conn.closeSync();
    }
    return await fs.readFile(file);
  } finally {
    instance.closeSync();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
