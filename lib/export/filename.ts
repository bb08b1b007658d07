/**
 * Download file names (research/reliability.md C8): a dataset name like `x";\r\nSet-Cookie:…` or
 * `../../a` must never reach a header raw. RFC 6266 `filename*=` (UTF-8, percent-encoded) plus a
 * sanitised ASCII fallback.
 */

/**
 * An ASCII-safe file name: letters, digits, `-`, `_`, `.` and spaces only; no leading dots; capped length.
 * @example safeAsciiFilename('../../a";\r\nSet-Cookie: x', "csv") // "a Set-Cookie x.csv"
 */
export function safeAsciiFilename(name: string, ext: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9 ._-]+/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "")
    .slice(0, 100)
    .trim();
  return `${base || "export"}.${ext.replace(/[^a-z0-9]/gi, "")}`;
}

/**
 * Control and format characters (Unicode Cc and Cf: bidi overrides and isolates U+202A–E,
 * U+2066–9, marks U+200E/F, zero-width characters, the BOM, soft hyphens) and line/paragraph
 * separators: an RLO (U+202E) before `fdp.exe` makes `report` + RLO + `fdp.exe` display as
 * `reportexe.pdf`. Lone surrogates (Cs) go too: `encodeURIComponent` throws on them.
 */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]+/gu;

/**
 * The Unicode base name of a download: no control or format characters, no path separators, no
 * leading dots, at most 150 characters.
 * @example safeUnicodeBasename("report\u202Efdp.exe") // "report fdp.exe"
 */
export function safeUnicodeBasename(name: string): string {
  const clean = name
    .normalize("NFC")
    .replace(CONTROL_OR_FORMAT, " ")
    .replace(/[/\\]+/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|\s+$/g, "");
  return [...clean].slice(0, 150).join("").trim() || "export";
}

/**
 * A `Content-Disposition: attachment` value with both an ASCII fallback and the UTF-8 name.
 * @example contentDisposition("Umfrage ä", "xlsx") // `attachment; filename="Umfrage a.xlsx"; filename*=UTF-8''Umfrage%20%C3%A4.xlsx`
 */
export function contentDisposition(name: string, ext: string): string {
  const ascii = safeAsciiFilename(name, ext);
  const utf8Name = `${safeUnicodeBasename(name)}.${ext.replace(/[^a-z0-9]/gi, "")}`;
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
