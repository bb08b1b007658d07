/**
 * Read Parquet bytes back for a test with DuckDB's own reader (`read_parquet`,
 * `parquet_kv_metadata`) in a fresh in-memory instance: the column names and types, the rows
 * (nulls as null), and the key/value metadata.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

export interface ParquetReadBack {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  metadata: Record<string, string>;
}

export async function readParquetBack(bytes: Uint8Array): Promise<ParquetReadBack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parquet-read-"));
  const file = path.join(dir, "x.parquet");
  fs.writeFileSync(file, bytes);
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    const at = `'${file.replace(/'/g, "''")}'`;
    const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${at})`)).getRowsJS() as [string, string][];
    const rows = (await conn.runAndReadAll(`SELECT * FROM read_parquet(${at})`)).getRowsJS();
    const kv = (await conn.runAndReadAll(`SELECT decode(key), decode(value) FROM parquet_kv_metadata(${at})`)).getRowsJS() as [string, string][];
    return { columns: described.map(([name, type]) => ({ name, type })), rows, metadata: Object.fromEntries(kv) };
  } finally {
    conn.closeSync();
    instance.closeSync();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
