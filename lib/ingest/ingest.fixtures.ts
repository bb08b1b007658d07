import { ingest } from "./ingest";
import { createMemorySink, type MemorySink } from "./memory-sink";
import { IngestError, type IngestOptions, type IngestResult } from "./types";

/** Yield `bytes` in chunks cut at `cuts` (sorted offsets), or of `size` bytes. */
export async function* chunked(bytes: Uint8Array, size = 64 * 1024, cuts?: number[]): AsyncIterable<Uint8Array> {
  if (cuts) {
    let at = 0;
    for (const cut of [...cuts, bytes.length]) {
      yield bytes.slice(at, cut);
      at = cut;
    }
    return;
  }
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

const toBytes = (input: string | Uint8Array) => (typeof input === "string" ? new TextEncoder().encode(input) : input);

/**
 * Ingest text or bytes into a memory sink (test helper).
 *
 * @example
 * const { result, sink } = await ingestBytes("a,b\n1,2\n");
 */
export async function ingestBytes(
  input: string | Uint8Array,
  options: IngestOptions & { chunkSize?: number; cuts?: number[] } = {},
): Promise<{ result: IngestResult; sink: MemorySink }> {
  const sink = createMemorySink();
  const { chunkSize, cuts, ...rest } = options;
  const result = await ingest(chunked(toBytes(input), chunkSize, cuts), sink, rest);
  return { result, sink };
}

/**
 * The IngestError an ingest throws (fails the test when it resolves or throws something else).
 *
 * @example
 * const err = await ingestError(new Uint8Array([0xff]));
 */
export async function ingestError(input: string | Uint8Array, options: IngestOptions & { chunkSize?: number } = {}): Promise<IngestError> {
  try {
    await ingestBytes(input, options);
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw new Error(`expected an IngestError, got ${String(e)}`);
  }
  throw new Error("expected the import to fail");
}
