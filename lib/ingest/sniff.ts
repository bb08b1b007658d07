/** Byte-level sniffing of the first bytes of a file: byte-order marks, binary formats, UTF-16 without BOM. */

export interface Bom {
  encoding: "utf-8" | "utf-16le" | "utf-16be";
  length: number;
}

/**
 * The byte-order mark at the start of `head`, if any.
 *
 * @example
 * detectBom(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])); // { encoding: "utf-8", length: 3 }
 */
export function detectBom(head: Uint8Array): Bom | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function containsAscii(head: Uint8Array, text: string): boolean {
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes(text, 0, "latin1");
}

/**
 * A user-facing description of a known binary format (zip/xlsx, gzip, PDF, old Excel, SPSS,
 * images…), or null when the bytes may be text.
 *
 * @example
 * sniffBinary(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])); // "a pdf file"
 */
export function sniffBinary(head: Uint8Array): string | null {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    if (containsAscii(head, "xl/") || containsAscii(head, "[Content_Types].xml")) return "an excel workbook (xlsx)";
    return "a zip/xlsx file";
  }
  if (startsWith(head, [0x1f, 0x8b])) return "a gzip-compressed file";
  if (startsWith(head, ascii("%PDF-"))) return "a pdf file";
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "an old excel/office file (xls)";
  if (startsWith(head, ascii("$FL2")) || startsWith(head, ascii("$FL3"))) return "an spss data file (sav)";
  if (startsWith(head, ascii("PAR1"))) return "a parquet file";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return "a png image";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "a jpeg image";
  if (startsWith(head, ascii("BZh"))) return "a bzip2-compressed file";
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return "an xz-compressed file";
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return "a 7z archive";
  if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd])) return "a zstd-compressed file";
  return null;
}

/**
 * Detect UTF-16 without a BOM from the NUL pattern of the first KB: ASCII text in UTF-16LE has
 * NUL at every odd offset, in UTF-16BE at every even offset.
 *
 * @example
 * detectUtf16WithoutBom(new Uint8Array([0x69, 0, 0x64, 0])); // "utf-16le"
 */
export function detectUtf16WithoutBom(head: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(head.length, 1024) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.4 && evenNul / pairs < 0.05) return "utf-16le";
  if (evenNul / pairs > 0.4 && oddNul / pairs < 0.05) return "utf-16be";
  return null;
}
