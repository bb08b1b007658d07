/**
 * Compare two strings by their UTF-8 byte sequences (R's `sort(method = "radix")`, C locale).
 * Code point order equals UTF-8 byte order; plain `<` compares UTF-16 code units, which differs
 * for characters above U+FFFF, so compare by code points.
 *
 * @example
 * ["b", "B", "a"].sort(compareBytes) // ["B", "a", "b"]
 */
export function compareBytes(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la && j < lb) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(j)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  return la - i === lb - j ? 0 : la - i < lb - j ? -1 : 1;
}
