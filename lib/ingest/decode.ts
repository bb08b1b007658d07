import type { ImportIssue } from "@/lib/schema/question";
import { detectBom, detectUtf16WithoutBom, sniffBinary } from "./sniff";
import { IngestError } from "./types";
import { findInvalidUtf8, guessEncoding, incompleteTail, looksLikeBrokenUtf8 } from "./utf8-scan";

/** How the bytes will be decoded. */
export interface EncodingChoice {
  /** WHATWG encoding name ("utf-8", "utf-16le", "windows-1252", …) */
  encoding: string;
  /** bytes of byte-order mark skipped at the start */
  bomLength: number;
  /** set when the choice is worth telling the user (e.g. UTF-16 without BOM) */
  note?: ImportIssue;
}

function canonicalEncoding(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new IngestError("unknown-encoding", `unknown encoding: ${label}`);
  }
}

/**
 * Choose the encoding from the first bytes (at least 4 KB when the file is that long): refuse
 * binary formats, honour an explicit encoding, then BOM, then the UTF-16 NUL pattern, else UTF-8.
 *
 * @example
 * chooseEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])); // { encoding: "utf-8", bomLength: 3 }
 */
export function chooseEncoding(head: Uint8Array, explicit?: string): EncodingChoice {
  const binary = sniffBinary(head);
  if (binary) throw new IngestError("binary-file", `not a text file: this looks like ${binary}; export the data as CSV`);
  const bom = detectBom(head);
  if (explicit) {
    const encoding = canonicalEncoding(explicit);
    return { encoding, bomLength: bom && bom.encoding === encoding ? bom.length : 0 };
  }
  if (bom) return { encoding: bom.encoding, bomLength: bom.length };
  const utf16 = detectUtf16WithoutBom(head);
  if (utf16) {
    const message = `encoding detected: ${utf16} without byte-order mark (from the NUL-byte pattern); pass an explicit encoding if this is wrong`;
    return { encoding: utf16, bomLength: 0, note: { code: "utf16-without-bom", message } };
  }
  return { encoding: "utf-8", bomLength: 0 };
}

function countNewlines(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function countLf(bytes: Uint8Array, to: number): number {
  let n = 0;
  for (let i = 0; i < to; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** a copy (never a view: Buffers from streams may be reused) of the last `n` bytes */
function copyTail(bytes: Uint8Array, n: number): Uint8Array {
  return new Uint8Array(bytes.subarray(bytes.length - n));
}

function invalidEncoding(encoding: string, offset: number, line: number, sample: Uint8Array): IngestError {
  const guess = encoding === "utf-8" ? guessEncoding(sample) : null;
  const hint = guess
    ? `; it looks like ${guess}. Pass an explicit encoding (e.g. "${guess}") to import it`
    : "; pass the right explicit encoding to import it";
  const message = `invalid ${encoding}: byte ${offset} (line ${line}) cannot be decoded${hint}`;
  return new IngestError("invalid-encoding", message, [{ code: "invalid-encoding", message, row: line, byteOffset: offset }]);
}

function nulByte(offset: number, line: number): IngestError {
  const message = `nul byte: at byte ${offset} (line ${line}); this looks like a binary file, not a text CSV`;
  return new IngestError("nul-byte", message, [{ code: "nul-byte", message, row: line, byteOffset: offset }]);
}

/**
 * Strict streaming decoder: multi-byte characters split across chunks decode correctly, and
 * invalid bytes or NUL bytes throw an IngestError with the byte offset (in the original file)
 * and the 1-based line. The BOM must already be skipped; `base` is its length.
 *
 * @example
 * const d = new StreamDecoder("utf-8", 0);
 * d.push(new Uint8Array([0xc3])) + d.push(new Uint8Array([0xa9])) + d.end(); // "é"
 */
export class StreamDecoder {
  private decoder: TextDecoder;
  private utf8: boolean;
  private readonly utf16: boolean;
  /** everything decoded so far was ASCII (the same in UTF-8 and any ASCII-compatible encoding) */
  private ascii = true;
  /**
   * the encoding read when the bytes turn out not to be UTF-8 (while all before was ASCII), with
   * what to tell: set for a detected UTF-8 (no BOM, no explicit encoding), null once used or refused
   */
  private fallback: { onAssume: (encoding: string, offset: number) => void } | null = null;
  /** body bytes consumed so far (after the BOM) */
  private consumed = 0;
  /** decoded code units so far (UTF-16 offsets) */
  private units = 0;
  /** undecoded UTF-8 bytes of a character split across chunks */
  private tail: Uint8Array = new Uint8Array(0);
  private line = 1;

  constructor(
    encoding: string,
    private readonly base: number,
    fallback?: { onAssume: (encoding: string, offset: number) => void },
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    this.utf8 = this.decoder.encoding === "utf-8";
    this.utf16 = this.decoder.encoding.startsWith("utf-16");
    if (this.utf8 && fallback) this.fallback = fallback;
  }

  /** The encoding being read (a detected UTF-8 that was not becomes the guessed one). */
  get encoding(): string {
    return this.decoder.encoding;
  }

  /**
   * Bytes that are not UTF-8 after nothing but ASCII: read them, and the rest of the file, in the
   * guessed single-byte encoding (utf-8-scan `guessEncoding`), and tell the caller; null when that
   * cannot be done (something non-ASCII was already decoded as UTF-8, the guess is not single-byte,
   * or the bytes look like damaged UTF-8).
   */
  private assume(chunk: Uint8Array): string | null {
    if (!this.fallback || !this.ascii) return null;
    const bytes = concat(this.tail, chunk);
    const guess = guessEncoding(bytes);
    if (guess.startsWith("utf-16") || looksLikeBrokenUtf8(bytes)) return null;
    // UTF-8 non-ASCII before the bad byte in this chunk: damaged UTF-8, not another encoding
    const bad = findInvalidUtf8(bytes)?.index ?? 0;
    if (bytes.subarray(0, bad).some((b) => b >= 0x80)) return null;
    const decoder = new TextDecoder(guess, { fatal: true, ignoreBOM: true });
    const offset = this.base + this.consumed - this.tail.length + bad;
    const text = decoder.decode(bytes, { stream: true });
    this.fallback.onAssume(decoder.encoding, offset);
    this.fallback = null;
    this.decoder = decoder;
    this.utf8 = false;
    this.tail = new Uint8Array(0);
    return text;
  }

  push(chunk: Uint8Array): string {
    if (!this.utf16) {
      const nul = chunk.indexOf(0);
      if (nul !== -1) {
        // ASCII-compatible encodings: LF bytes are line breaks
        throw nulByte(this.base + this.consumed + nul, this.line + countLf(chunk, nul));
      }
    }
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      const assumed = this.assume(chunk);
      if (assumed === null) throw this.locate(chunk);
      text = assumed;
    }
    if (this.utf16) this.checkUtf16Nul(text);
    if (this.utf8) this.tail = chunk.length >= 3 ? copyTail(chunk, incompleteTail(chunk)) : this.shortTail(chunk);
    if (this.ascii && /[^\x00-\x7f]/.test(text)) this.ascii = false;
    this.consumed += chunk.length;
    this.units += text.length;
    this.line += countNewlines(text);
    return text;
  }

  end(): string {
    let text: string;
    try {
      text = this.decoder.decode();
    } catch {
      // a file ending in a lone high byte after ASCII: the guessed encoding reads it
      const assumed = this.assume(new Uint8Array(0));
      if (assumed === null) throw invalidEncoding(this.decoder.encoding, this.base + this.consumed - this.tail.length, this.line, this.tail);
      text = assumed + this.decoder.decode();
    }
    if (this.utf16) this.checkUtf16Nul(text);
    return text;
  }

  private shortTail(chunk: Uint8Array): Uint8Array {
    const joined = concat(this.tail, chunk);
    return copyTail(joined, incompleteTail(joined));
  }

  private checkUtf16Nul(text: string): void {
    const nul = text.indexOf("\0");
    if (nul !== -1) throw nulByte(this.base + 2 * (this.units + nul), this.line + countNewlines(text, 0, nul));
  }

  private locate(chunk: Uint8Array): IngestError {
    if (!this.utf8) return invalidEncoding(this.decoder.encoding, this.base + this.consumed, this.line, chunk);
    const bytes = concat(this.tail, chunk);
    const problem = findInvalidUtf8(bytes);
    const index = problem && !problem.truncated ? problem.index : 0;
    const offset = this.base + this.consumed - this.tail.length + index;
    return invalidEncoding("utf-8", offset, this.line + countLf(bytes, index), bytes);
  }
}
