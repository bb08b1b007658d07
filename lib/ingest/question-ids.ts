/**
 * Turn a header or export tag into a question id: letters (any script), digits and `_ . # -`,
 * other runs replaced by `_`, at most 64 characters.
 *
 * @example
 * sanitizeId("Duration (in seconds)"); // "Duration_in_seconds"
 */
export function sanitizeId(text: string): string {
  const id = text
    .normalize("NFC")
    .replace(/^[^\p{L}\p{M}\p{N}_.#-]+|[^\p{L}\p{M}\p{N}_.#-]+$/gu, "")
    .replace(/[^\p{L}\p{M}\p{N}_.#-]+/gu, "_");
  return Array.from(id).slice(0, 64).join(""); // by code point: never half a surrogate pair
}

/**
 * Hands out unique question ids: duplicates (compared case-insensitively) get `_2`, `_3`, …,
 * never colliding with an id already given.
 *
 * @example
 * const ids = new IdAllocator();
 * [ids.take("a"), ids.take("a"), ids.take("A")]; // ["a", "a_2", "A_3"]
 */
export class IdAllocator {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();

  take(wanted: string, fallback = "q"): string {
    const base = sanitizeId(wanted) || fallback;
    const key = base.toLowerCase();
    let id = base;
    if (this.used.has(key)) {
      let n = this.next.get(key) ?? 2;
      while (this.used.has(`${key}_${n}`)) n++;
      this.next.set(key, n + 1);
      id = `${base}_${n}`;
    }
    this.used.add(id.toLowerCase());
    return id;
  }
}
