/** Locating invalid UTF-8 (TextDecoder only says "invalid") and guessing what the bytes really are. */

export interface Utf8Problem {
  /** index of the first byte of the ill-formed (or truncated) sequence */
  index: number;
  /** the sequence is cut off by the end of the buffer (not an error mid-stream) */
  truncated: boolean;
}

/**
 * The first ill-formed UTF-8 sequence in `bytes` (WHATWG rules: no overlongs, no surrogates,
 * nothing above U+10FFFF), or null when all of it is valid.
 *
 * @example
 * findInvalidUtf8(new Uint8Array([0x61, 0xc3, 0x28])); // { index: 1, truncated: false }
 */
export function findInvalidUtf8(bytes: Uint8Array, from = 0): Utf8Problem | null {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return { index: i, truncated: false };
    if (b === 0xe0) lower = 0xa0; // no overlongs
    if (b === 0xed) upper = 0x9f; // no surrogates
    if (b === 0xf0) lower = 0x90; // no overlongs
    if (b === 0xf4) upper = 0x8f; // nothing above U+10FFFF
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { index: i, truncated: true };
      const c = bytes[i + k];
      const lo = k === 1 ? lower : 0x80;
      const hi = k === 1 ? upper : 0xbf;
      if (c < lo || c > hi) return { index: i, truncated: false };
    }
    i += need + 1;
  }
  return null;
}

/**
 * Bytes at the end of a buffer of valid UTF-8 that start a character not finished yet.
 *
 * @example
 * incompleteTail(new Uint8Array([0x61, 0xe2, 0x82])); // 2
 */
export function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back];
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return len > back ? back : 0;
    }
  }
  return 0;
}

/**
 * Guess the real encoding of bytes that are not UTF-8, to suggest to the user.
 *
 * @example
 * guessEncoding(new Uint8Array([0x52, 0x65, 0x6e, 0xe9])); // "windows-1252"
 */
export function guessEncoding(bytes: Uint8Array): string {
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2) nulOdd++;
      else nulEven++;
    }
  }
  if (nulOdd > bytes.length / 8) return "utf-16le";
  if (nulEven > bytes.length / 8) return "utf-16be";
  // high bytes that are not UTF-8 are nearly always windows-1252 (a superset of latin-1's
  // printable range: 0x80–0x9F hold €, curly quotes and dashes there)
  return "windows-1252";
}

/**
 * Whether bytes that are not valid UTF-8 look like damaged UTF-8 (lead bytes followed by
 * continuation bytes: a truncated or corrupted UTF-8 file) rather than a legacy single-byte
 * encoding (high bytes alone between ASCII: `Ren\xE9e`, `\x93quoted\x94`). Damaged UTF-8 is
 * refused rather than read as Windows-1252.
 *
 * @example
 * looksLikeBrokenUtf8(new Uint8Array([0x31, 0xed, 0xa0, 0x80, 0x0a, 0xf0, 0x9f, 0x98])); // true
 * looksLikeBrokenUtf8(new Uint8Array([0x52, 0x65, 0x6e, 0xe9, 0x2c])); // false
 */
export function looksLikeBrokenUtf8(bytes: Uint8Array): boolean {
  let utf8ish = 0;
  let legacy = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const prev = i > 0 ? bytes[i - 1] : 0;
    const next = i + 1 < bytes.length ? bytes[i + 1] : -1;
    if (b >= 0xc2 && b <= 0xf4) {
      if (next >= 0x80 && next <= 0xbf) utf8ish++;
      else legacy++;
    } else if (b <= 0xbf && prev < 0x80) legacy++;
  }
  return utf8ish > legacy;
}
