import type { Hash } from "node:crypto";
import { IngestError, type IngestLimits, type IngestOptions } from "./types";

const readFailed = (e: unknown) => new IngestError("read-failed", `reading the file failed: ${e instanceof Error ? e.message : String(e)}`);

/** Bytes seen by a metered source, updated as it is read. */
export interface Meter {
  bytes: number;
  /** set once the source has no more bytes */
  ended?: boolean;
}

/**
 * The source as the streaming CSV loop reads it, for the binary formats' readers: source errors
 * become "read-failed", an aborted signal "aborted", more than `limits.maxBytes` "too-large";
 * every chunk is hashed into `hash` and counted in `meter`.
 *
 * @example
 * const meter = { bytes: 0 };
 * for await (const chunk of meteredSource(source, options, limits, hash, meter)) parse(chunk);
 */
export async function* meteredSource(
  source: AsyncIterable<Uint8Array>,
  options: Pick<IngestOptions, "signal">,
  limits: IngestLimits,
  hash: Hash,
  meter: Meter,
): AsyncGenerator<Uint8Array> {
  let iterator: AsyncIterator<Uint8Array>;
  try {
    iterator = source[Symbol.asyncIterator]();
  } catch (e) {
    throw readFailed(e);
  }
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await iterator.next();
    } catch (e) {
      throw readFailed(e);
    }
    if (next.done) {
      meter.ended = true;
      return;
    }
    if (options.signal?.aborted) throw new IngestError("aborted", "import aborted");
    const chunk = typeof next.value === "string" ? new TextEncoder().encode(next.value) : next.value;
    meter.bytes += chunk.length;
    if (meter.bytes > limits.maxBytes) throw new IngestError("too-large", `file too large: over ${limits.maxBytes} bytes`);
    hash.update(chunk);
    yield chunk;
  }
}
