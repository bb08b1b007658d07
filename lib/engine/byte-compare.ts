/**
 * Compare two strings in UTF-8 byte order (= Unicode code point order), which is R's
 * `sort(method = "radix")` / C-locale order. Plain `<` on JS strings compares UTF-16 code units,
 * which differs for characters above U+FFFF; `localeCompare` is locale dependent.
 * @example ["b", "B", "a"].sort(compareBytes) // ["B", "a", "b"]
 */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(i) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++; // both strings hold the same surrogate pair here
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
