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
 * A `Content-Disposition: attachment` value with both an ASCII fallback and the UTF-8 name.
 * @example contentDisposition("Umfrage ä", "xlsx") // `attachment; filename="Umfrage a.xlsx"; filename*=UTF-8''Umfrage%20%C3%A4.xlsx`
 */
export function contentDisposition(name: string, ext: string): string {
  const ascii = safeAsciiFilename(name, ext);
  const utf8Name = `${name.replace(/[\u0000-\u001f\u007f/\\]+/g, " ").trim() || "export"}.${ext.replace(/[^a-z0-9]/gi, "")}`;
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
