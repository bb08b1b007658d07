import fs from "node:fs";
import path from "node:path";
import { createMemorySink, ingest, IngestError, type IngestOptions, type IngestResult, type MemorySink } from "@/lib/ingest";
import { importDataset } from "@/lib/services/import-dataset";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";

export const repoRoot = path.resolve(__dirname, "../..");
export const edgeRoot = path.join(repoRoot, "test/fixtures/csv-edge-cases");
export const datasetsRoot = path.join(repoRoot, "test/fixtures/datasets");

/** Stream a file's bytes in chunks (64 KiB, or `chunkSize`), as an upload would arrive. */
export async function* fileChunks(file: string, chunkSize = 64 * 1024): AsyncIterable<Uint8Array> {
  const bytes = fs.readFileSync(file);
  for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
}

export type Outcome =
  | { ok: true; result: IngestResult; sink: MemorySink }
  | { ok: false; error: IngestError };

/** Run the real `ingest()` into a memory sink; an IngestError becomes `{ok: false}`, anything else throws. */
export async function ingestOutcome(file: string, options: IngestOptions & { chunkSize?: number } = {}): Promise<Outcome> {
  const { chunkSize, ...rest } = options;
  const sink = createMemorySink();
  try {
    const result = await ingest(fileChunks(file, chunkSize), sink, { fileName: path.basename(file), ...rest });
    return { ok: true, result, sink };
  } catch (e) {
    if (e instanceof IngestError) return { ok: false, error: e };
    throw e;
  }
}

/** Import a file into a fresh in-memory DuckDB store; returns the store, and the dataset or the error. */
export async function importIntoMemoryStore(file: string, options: IngestOptions = {}) {
  const store = await DuckDbStore.open(":memory:");
  try {
    const dataset = await importDataset(store, {
      meta: { name: path.basename(file), owner: "test", fileName: path.basename(file) },
      source: fileChunks(file),
      options,
    });
    return { store, dataset, error: undefined };
  } catch (error) {
    return { store, dataset: undefined, error };
  }
}
