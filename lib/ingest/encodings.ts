/**
 * The encodings the review offers when a file was not read as UTF-8, and the label preview: what a
 * label read in one encoding would read in another (the same bytes decoded again), so the user sees
 * "CafÃ©" against "Café" before choosing. Pure.
 */

/** Encodings offered in review (WHATWG names; ISO-8859-1 is read as its superset Windows-1252). */
export const ENCODING_CHOICES = [
  { id: "utf-8", label: "Unicode (UTF-8)" },
  { id: "windows-1252", label: "Western European (Windows-1252 / Latin-1)" },
  { id: "iso-8859-15", label: "Western European (ISO-8859-15)" },
  { id: "macintosh", label: "Western European (Mac Roman)" },
  { id: "windows-1250", label: "Central European (Windows-1250)" },
  { id: "windows-1251", label: "Cyrillic (Windows-1251)" },
  { id: "utf-16le", label: "Unicode (UTF-16 LE)" },
  { id: "utf-16be", label: "Unicode (UTF-16 BE)" },
  { id: "shift_jis", label: "Japanese (Shift-JIS)" },
  { id: "gbk", label: "Chinese Simplified (GBK)" },
  { id: "big5", label: "Chinese Traditional (Big5)" },
  { id: "euc-kr", label: "Korean (EUC-KR)" },
] as const;
export type EncodingChoiceId = (typeof ENCODING_CHOICES)[number]["id"];
export const ENCODING_IDS = ENCODING_CHOICES.map((e) => e.id) as [EncodingChoiceId, ...EncodingChoiceId[]];

const reverse = new Map<string, Map<string, number> | null>();

const SINGLE_BYTE = /^(windows-12\d\d|windows-874|iso-8859-\d+|macintosh|koi8-[ru]|ibm866|x-mac-cyrillic)$/;

/** char → byte of a single-byte encoding (null when it is not one). */
function singleByteTable(encoding: string): Map<string, number> | null {
  if (reverse.has(encoding)) return reverse.get(encoding)!;
  let table: Map<string, number> | null = null;
  if (SINGLE_BYTE.test(encoding)) {
    table = new Map();
    for (let i = 0; i < 256; i++) {
      try {
        const ch = decodeStrict(Uint8Array.of(i), encoding);
        if (!table.has(ch)) table.set(ch, i);
      } catch {
        // a byte this encoding leaves undefined
      }
    }
  }
  reverse.set(encoding, table);
  return table;
}

/**
 * The bytes a text was decoded from in `encoding` (UTF-8, UTF-16 or a single-byte encoding), or
 * null when it cannot be told (a character the encoding has no byte for, a multi-byte legacy encoding).
 * @example encodeAs("é", "windows-1252") // Uint8Array [0xe9]
 */
export function encodeAs(text: string, encoding: string): Uint8Array | null {
  const enc = new TextDecoder(encoding).encoding;
  if (enc === "utf-8") return new TextEncoder().encode(text);
  if (enc === "utf-16le" || enc === "utf-16be") {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      out[enc === "utf-16le" ? 2 * i : 2 * i + 1] = u & 0xff;
      out[enc === "utf-16le" ? 2 * i + 1 : 2 * i] = u >> 8;
    }
    return out;
  }
  const table = singleByteTable(enc);
  if (!table) return null;
  const out: number[] = [];
  for (const ch of text) {
    const b = table.get(ch);
    if (b === undefined) return null;
    out.push(b);
  }
  return Uint8Array.from(out);
}

/**
 * A label read in `from` as it would read in `to`: null when the bytes are not valid in `to` (or
 * the original bytes cannot be told).
 * @example relabel("CafÃ©", "windows-1252", "utf-8") // "Café"
 * @example relabel("Café", "windows-1252", "utf-8") // null (0xE9 alone is not UTF-8)
 */
export function relabel(text: string, from: string, to: string): string | null {
  const bytes = encodeAs(text, from);
  if (!bytes) return null;
  try {
    return decodeStrict(bytes, to);
  } catch {
    return null;
  }
}

/**
 * Decode or throw. Streamed then flushed: Node's one-shot windows-1252 decode is plain Latin-1
 * (0x80 → U+0080, not €), its streaming decoder follows the WHATWG table.
 */
function decodeStrict(bytes: Uint8Array, encoding: string): string {
  const d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  return d.decode(bytes, { stream: true }) + d.decode();
}

/**
 * Labels worth previewing: those with a character outside ASCII (the only ones another encoding
 * changes), unique, at most `limit`.
 * @example previewLabels(["Age", "Café", "Café"]) // ["Café"]
 */
export function previewLabels(labels: readonly string[], limit = 8): string[] {
  return [...new Set(labels.filter((l) => /[^\x00-\x7f]/.test(l)))].slice(0, limit);
}
