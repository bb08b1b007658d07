import type { StoredColumn } from "@/lib/schema/question";
import type { RowSink } from "./types";

/** A RowSink that keeps everything in memory: for tests, previews and the CLI. */
export interface MemorySink extends RowSink {
  columns: StoredColumn[] | null;
  rows: string[][];
  /** how many times `begin` was called (must be 1) */
  beginCalls: number;
  /** sizes of the batches passed to `write`, in order */
  batches: number[];
}

/**
 * Create an in-memory sink. `maxRows` keeps only the first rows (the rest are counted in
 * `batches` but dropped), so huge files can be previewed without holding them.
 *
 * @example
 * const sink = createMemorySink();
 * await ingest(source, sink);
 * sink.rows; // [["1", "yes"], …]
 */
export function createMemorySink(maxRows = Number.POSITIVE_INFINITY): MemorySink {
  const sink: MemorySink = {
    columns: null,
    rows: [],
    beginCalls: 0,
    batches: [],
    async begin(columns) {
      sink.beginCalls++;
      sink.columns = columns;
    },
    async write(rows) {
      sink.batches.push(rows.length);
      for (const row of rows) {
        if (sink.rows.length >= maxRows) break;
        sink.rows.push(row);
      }
    },
  };
  return sink;
}
