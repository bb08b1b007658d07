import fs from "node:fs";
import { ingest } from "./ingest";
import { IngestError, type IngestOptions, type IngestResult, type RowSink } from "./types";

/**
 * Ingest a file from disk as a stream (64 KiB chunks); `fileName` and `totalBytes` default to
 * the path and the file size.
 *
 * @example
 * const result = await ingestFile("exports/q3.csv", createMemorySink());
 */
export async function ingestFile(path: string, sink: RowSink, options: IngestOptions = {}): Promise<IngestResult> {
  let size: number;
  try {
    size = (await fs.promises.stat(path)).size;
  } catch (e) {
    throw new IngestError("read-failed", `file not readable: ${path} (${e instanceof Error ? e.message : String(e)})`);
  }
  const stream = fs.createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    return await ingest(stream, sink, { fileName: path, totalBytes: size, ...options });
  } finally {
    stream.destroy();
  }
}
