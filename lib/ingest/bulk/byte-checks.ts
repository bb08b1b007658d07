import { isUtf8 } from "node:buffer";
import { incompleteTail } from "../utf8-scan";

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;
/** bytes kept from the previous chunk so patterns across a chunk boundary are seen */
const CONTEXT = 64;

/**
 * Streaming checks over a file's bytes that decide whether DuckDB's `read_csv` reads it exactly
 * as the streaming pipeline does: strict UTF-8 (the WHATWG rules the decoder applies: no
 * overlongs, surrogates or code points above U+10FFFF), no NUL byte, no CR, and no field that
 * starts with blanks followed by a quote (`a, "b"`: papaparse keeps ` "b"` as text, `read_csv`
 * trims it to `b`), and no line made only of delimiters and quotes (`,,,`: a wholly empty row,
 * which the pipeline drops and `read_csv` would keep). Conservative: a blank-then-quote that could also be an escaped quote inside
 * a quoted field (`"x, ""y"""`) declines too unless what follows the escaped quote is plain text.
 *
 * @example
 * const c = new ByteChecks(",");
 * c.push(Buffer.from('a,b\n1, "x"\n')); // "a field starts with blanks and a quote"
 */
export class ByteChecks {
  private carry: Uint8Array = new Uint8Array(0);
  private context: Uint8Array = new Uint8Array(0);
  private readonly delimiter: number;
  /** the current line holds only delimiters and quotes so far */
  private onlyDelimiters = true;
  private lineLength = 0;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** null while every byte so far is fine; otherwise why the bulk path must not be used */
  push(chunk: Uint8Array): string | null {
    if (chunk.indexOf(0) !== -1) return "a NUL byte";
    if (chunk.indexOf(CR) !== -1) return "a carriage return";
    if (this.emptyRow(chunk)) return "a wholly empty row";
    const joined = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const keep = incompleteTail(joined);
    if (!isUtf8(joined.subarray(0, joined.length - keep))) return "invalid UTF-8";
    this.carry = keep ? Uint8Array.from(joined.subarray(joined.length - keep)) : new Uint8Array(0);
    const withContext = Buffer.concat([this.context, chunk]);
    // from 2 bytes back: a quote there was left to be judged with the bytes that follow it
    const problem = this.blankQuote(withContext, Math.max(0, this.context.length - 2));
    this.context = Uint8Array.from(withContext.subarray(Math.max(0, withContext.length - CONTEXT)));
    return problem;
  }

  /** null when the file ended cleanly (no UTF-8 sequence cut off) */
  end(): string | null {
    if (this.carry.length) return "invalid UTF-8 at the end";
    if (this.onlyDelimiters && this.lineLength > 0) return "a wholly empty row";
    // a blank-then-quote in the last context bytes was judged with what followed it unknown: recheck
    return this.blankQuote(this.context, Math.max(0, this.context.length - 2), true);
  }

  /** whether a line of `chunk` ends holding only delimiters and quotes (state carries across chunks) */
  private emptyRow(chunk: Uint8Array): boolean {
    let start = 0;
    for (;;) {
      const lf = chunk.indexOf(LF, start);
      const end = lf === -1 ? chunk.length : lf;
      if (this.onlyDelimiters) {
        for (let i = start; i < end; i++) {
          const b = chunk[i];
          if (b !== this.delimiter && b !== QUOTE) {
            this.onlyDelimiters = false;
            break;
          }
          this.lineLength++;
        }
      }
      if (lf === -1) return false;
      if (this.onlyDelimiters && this.lineLength > 0) return true;
      this.onlyDelimiters = true;
      this.lineLength = 0;
      start = lf + 1;
    }
  }

  /** a quote at or after `from` (in `buf`) preceded by blanks that follow a delimiter or line start */
  private blankQuote(buf: Uint8Array, from: number, final = false): string | null {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
    for (let i = b.indexOf(QUOTE, Math.max(1, from)); i !== -1; i = b.indexOf(QUOTE, i + 1)) {
      const before = b[i - 1];
      if (before !== SPACE && before !== TAB) continue;
      let j = i - 1;
      while (j >= 0 && (b[j] === SPACE || b[j] === TAB)) j--;
      if (j < 0) return "blanks before a quote at the start of the kept bytes";
      if (b[j] !== this.delimiter && b[j] !== LF) continue;
      // inside a quoted field a quote is doubled: `, ""word` is text there and an error for read_csv outside
      if (i + 2 >= b.length) {
        if (final) return "a field starts with blanks and a quote";
        continue; // judged again with the next chunk (the context keeps these bytes)
      }
      const c1 = b[i + 1];
      const c2 = b[i + 2];
      if (c1 !== QUOTE) return "a field starts with blanks and a quote";
      if (c2 === QUOTE || c2 === LF || c2 === SPACE || c2 === TAB || c2 === this.delimiter) return "a field starts with blanks and a quote";
    }
    return null;
  }
}
