import type { Fields } from "./dictionary";
import type { SavValueLabel } from "./types";

/*
 * The extension records of string variables wider than 8 bytes, whose values do not fit the
 * 8-byte fields of record types 2 and 3. A damaged record keeps what was read before the damage
 * (both are optional metadata).
 */

/**
 * subtype 21: per variable (name, width, labels of value length + value, label length + label)
 *
 * @example
 * longStringLabels(record, fields, decode); // [["city", [{ value: "Zürich", label: "ZH" }]]]
 */
export function longStringLabels(data: Buffer, f: Fields, text: (b: Buffer) => string): [string, SavValueLabel[]][] {
  const out: [string, SavValueLabel[]][] = [];
  let at = 0;
  const bytes = (n: number) => {
    if (n < 0 || at + n > data.length) throw new RangeError("long string value labels overrun");
    const b = data.subarray(at, at + n);
    at += n;
    return b;
  };
  try {
    while (at < data.length) {
      const name = text(bytes(f.i32(bytes(4))));
      bytes(4); // width
      const n = f.i32(bytes(4));
      const labels: SavValueLabel[] = [];
      for (let i = 0; i < n; i++) {
        const value = text(bytes(f.i32(bytes(4))));
        labels.push({ value, label: text(bytes(f.i32(bytes(4)))) });
      }
      out.push([name, labels]);
    }
  } catch {
    return out; // a damaged optional record: keep what was read
  }
  return out;
}

/**
 * subtype 22: per variable (name, count byte, value length 8, values)
 *
 * @example
 * longStringMissing(record, fields, decode); // [["city", ["unknown"]]]
 */
export function longStringMissing(data: Buffer, f: Fields, text: (b: Buffer) => string): [string, string[]][] {
  const out: [string, string[]][] = [];
  let at = 0;
  try {
    while (at < data.length) {
      const len = f.i32(data, at);
      const name = text(data.subarray(at + 4, at + 4 + len));
      at += 4 + len;
      const n = data[at];
      const valueLength = f.i32(data, at + 1);
      at += 5;
      const values: string[] = [];
      for (let i = 0; i < n; i++, at += valueLength) values.push(text(data.subarray(at, at + valueLength)));
      if (at > data.length) break;
      out.push([name, values]);
    }
  } catch {
    return out;
  }
  return out;
}
