/** Mapping decoded text back to byte offsets in the original file, per encoding. */

/** bytes taken by `text[from..to)` in the original encoding */
export type ByteCounter = (text: string, from: number, to: number) => number;

function utf8Bytes(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff) n += 2; // each half of a surrogate pair: 4 bytes per pair
    else n += 3;
  }
  return n;
}

const SINGLE_BYTE = /^(windows-125\d|windows-874|iso-8859-\d+|koi8-[ru]|macintosh|x-mac-cyrillic|ibm866)$/;

/**
 * A byte counter for a WHATWG encoding name, or null when the encoding's byte widths vary in
 * ways not tracked here (then issues carry lines but no byte offsets).
 *
 * @example
 * byteCounter("utf-8")?.("é,a", 0, 3); // 4
 */
export function byteCounter(encoding: string): ByteCounter | null {
  if (encoding === "utf-8") return utf8Bytes;
  if (encoding === "utf-16le" || encoding === "utf-16be") return (_t, from, to) => 2 * (to - from);
  if (SINGLE_BYTE.test(encoding)) return (_t, from, to) => to - from;
  return null;
}

/**
 * Line breaks in `text[from..to)` for the file's line ending.
 *
 * @example
 * countLineBreaks("a\r\nb\r\n", 0, 6, "\r\n"); // 2
 */
export function countLineBreaks(text: string, from: number, to: number, newline: string): number {
  const ch = newline === "\r" ? "\r" : "\n";
  let n = 0;
  for (let i = text.indexOf(ch, from); i !== -1 && i < to; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
