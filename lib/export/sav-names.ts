const RESERVED = new Set(["ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"]);

/** bytes of `s` in UTF-8, cut to at most `max` bytes on a character boundary */
export function utf8Prefix(s: string, max: number): Buffer {
  const b = Buffer.from(s, "utf8");
  if (b.length <= max) return b;
  let end = max;
  while (end > 0 && (b[end] & 0xc0) === 0x80) end--;
  return b.subarray(0, end);
}

/**
 * Hands out SPSS variable names: a long name (≤ 64 bytes, a letter first, then letters, digits,
 * `_ . @ # $`, not a reserved word, unique ignoring case) and a unique 8-byte upper-case ASCII
 * short name for the dictionary records.
 *
 * @example
 * const names = new SavNames();
 * names.take("Q1 satisfaction"); // { name: "Q1_satisfaction", short: "Q1_SATIS" }
 */
export class SavNames {
  private readonly longs = new Set<string>();
  private readonly shorts = new Set<string>();
  private counter = 0;

  take(wanted: string): { name: string; short: string } {
    let base = wanted.normalize("NFC").replace(/[^\p{L}\p{N}_.@#$]+/gu, "_").replace(/^[^\p{L}]+/u, "").replace(/[._]+$/, "");
    if (!base || RESERVED.has(base.toUpperCase())) base = `v_${base}`;
    base = utf8Prefix(base, 60).toString("utf8");
    let name = base;
    for (let n = 2; this.longs.has(name.toUpperCase()); n++) name = `${base}_${n}`;
    this.longs.add(name.toUpperCase());
    return { name, short: this.short(name) };
  }

  /** a fresh short name (segments of very long strings) */
  short(from = ""): string {
    let s = from
      .toUpperCase()
      .replace(/[^A-Z0-9_]/g, "")
      .replace(/^[^A-Z]+/, "")
      .slice(0, 8);
    while (!s || this.shorts.has(s) || RESERVED.has(s)) s = `V${String(++this.counter).padStart(7, "0")}`;
    this.shorts.add(s);
    return s;
  }
}
