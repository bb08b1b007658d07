import zlib from "node:zlib";
import { IngestError } from "../types";
import type { ByteReader } from "./byte-reader";

/** read compressed input in steps of this size */
const STEP = 1024 * 1024;
/** a zlib block whose compressed form is larger than this is taken for corruption (SPSS writes ~4 MiB blocks) */
const MAX_BLOCK = 64 * 1024 * 1024;

const located = (code: string, message: string, byteOffset: number) => new IngestError(code, `${message} (byte ${byteOffset})`, [{ code, message, byteOffset }]);

/**
 * The decompressed data of a .zsav file: its zlib blocks (from the current position of `r` up to
 * the trailer at `end`) inflated one at a time, so memory holds one block, not the file. Offers the
 * ByteReader calls the case reader needs; errors carry the compressed block's byte offset.
 *
 * @example
 * const data = new InflateReader(reader, zheader.trailerOffset);
 * const commands = await data.take(8, "compression codes");
 */
export class InflateReader {
  private out: Buffer = Buffer.alloc(0);
  private pos = 0;
  private window: Buffer = Buffer.alloc(0);
  private windowStart: number;
  /** decompressed bytes consumed */
  offset = 0;

  constructor(
    private readonly r: ByteReader,
    private readonly end: number,
  ) {
    this.windowStart = r.offset;
  }

  /** the compressed file offset reached, for error locations and progress */
  get fileOffset(): number {
    return this.windowStart;
  }

  private async more(): Promise<boolean> {
    const want = Math.min(STEP, this.end - this.r.offset);
    if (want <= 0) return false;
    const chunk = await this.r.take(want, "compressed data");
    this.window = this.window.length ? Buffer.concat([this.window, chunk]) : Buffer.from(chunk);
    return true;
  }

  private async block(): Promise<boolean> {
    if (!this.window.length && !(await this.more())) return false;
    for (;;) {
      try {
        const { buffer, engine } = zlib.inflateSync(this.window, { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
        const used = engine.bytesWritten;
        this.window = this.window.subarray(used);
        this.windowStart += used;
        const rest = this.out.subarray(this.pos);
        this.out = rest.length ? Buffer.concat([rest, buffer]) : buffer;
        this.pos = 0;
        return true;
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === "Z_BUF_ERROR" && this.window.length < MAX_BLOCK && (await this.more())) continue;
        const why = code === "Z_BUF_ERROR" ? "compressed block cut off" : `compressed block unreadable (${e instanceof Error ? e.message : String(e)})`;
        throw located(code === "Z_BUF_ERROR" ? "truncated-file" : "corrupt-file", `corrupt zsav file: ${why}`, this.windowStart);
      }
    }
  }

  private async fill(n: number): Promise<boolean> {
    while (this.out.length - this.pos < n) if (!(await this.block())) return false;
    return true;
  }

  takeSync(n: number): Buffer | null {
    if (this.out.length - this.pos < n) return null;
    const b = this.out.subarray(this.pos, this.pos + n);
    this.pos += n;
    this.offset += n;
    return b;
  }

  async take(n: number, context: string): Promise<Buffer> {
    if (!(await this.fill(n))) throw located("truncated-file", `truncated zsav file: ${context} cut off`, this.windowStart);
    return this.takeSync(n)!;
  }

  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }
}
