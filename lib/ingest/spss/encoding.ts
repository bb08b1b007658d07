/** Windows code pages SPSS writes in subtype 3, as WHATWG encoding labels. */
const CODE_PAGES: Record<number, string> = {
  65001: "utf-8",
  1250: "windows-1250",
  1251: "windows-1251",
  1252: "windows-1252",
  1253: "windows-1253",
  1254: "windows-1254",
  1255: "windows-1255",
  1256: "windows-1256",
  1257: "windows-1257",
  1258: "windows-1258",
  874: "windows-874",
  932: "shift_jis",
  936: "gbk",
  949: "euc-kr",
  950: "big5",
  20127: "utf-8", // ASCII
  28591: "iso-8859-1",
  28592: "iso-8859-2",
  28605: "iso-8859-15",
};

function textDecoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * The decoder for a system file's text: the subtype 20 encoding name, else the subtype 3 code
 * page, else windows-1252 (files older than both records). Never throws: bytes the encoding
 * cannot map become U+FFFD.
 *
 * @example
 * decoderFor("UTF-8")(Buffer.from("Zürich")); // "Zürich"
 */
export function decoderFor(name?: string, codePage?: number): (bytes: Uint8Array) => string {
  const decoder =
    (name ? textDecoder(name) : null) ?? (codePage && CODE_PAGES[codePage] ? textDecoder(CODE_PAGES[codePage]) : null) ?? new TextDecoder("windows-1252");
  return (bytes) => decoder.decode(bytes);
}
