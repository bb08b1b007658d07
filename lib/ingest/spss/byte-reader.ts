import { IngestError } from "../types";

/**
 * Pull-style reader over a stream of byte chunks: `take(n)` resolves exactly n bytes (or fails
 * with a located "truncated" IngestError), `offset` is the position in the file. Holds at most
 * the unread part of the current chunk plus what one `take` asks for.
 *
 * @example
 * const r = new ByteReader(chunks[Symbol.asyncIterator](), "sav");
 * const magic = await r.take(4);
 */
export class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private ended = false;
  /** bytes consumed so far (the file offset of the next byte `take` returns) */
  offset = 0;

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    private readonly what: string,
  ) {}

  private async fill(n: number): Promise<boolean> {
    while (this.buf.length - this.pos < n && !this.ended) {
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      const rest = this.buf.subarray(this.pos);
      this.buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      this.pos = 0;
    }
    return this.buf.length - this.pos >= n;
  }

  /** exactly `n` bytes; `context` names what was being read for the error message */
  async take(n: number, context: string): Promise<Buffer> {
    if (!(await this.fill(n))) {
      const have = this.buf.length - this.pos;
      throw new IngestError("truncated-file", `truncated ${this.what} file: ${context} needs ${n} bytes at byte ${this.offset}, only ${have} left`, [
        { code: "truncated-file", message: `truncated ${this.what} file: ${context} cut off`, byteOffset: this.offset },
      ]);
    }
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    this.offset += n;
    return out;
  }

  /** exactly `n` bytes when they are already buffered (no await on the hot path), else null */
  takeSync(n: number): Buffer | null {
    if (this.buf.length - this.pos < n) return null;
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    this.offset += n;
    return out;
  }

  /** up to `n` bytes (fewer only at the end of the file; empty once it is over) */
  async takeUpTo(n: number): Promise<Buffer> {
    await this.fill(n);
    const k = Math.min(n, this.buf.length - this.pos);
    const out = this.buf.subarray(this.pos, this.pos + k);
    this.pos += k;
    this.offset += k;
    return out;
  }

  /** whether the file has no byte left */
  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }
}
