import type { SavMrSet } from "./types";

/**
 * Parse the multiple response sets of subtypes 7 and 19: one line per set,
 * `$name=C 10 label text var1 var2` (category set) or `$name=D1 1 7 Chosen v1 v2` / `E 11 1 1 …`
 * (dichotomy set with its counted value); counts are byte lengths in the file, here applied to the
 * decoded text (exact for ASCII, the usual case). Variables are matched by `lookup` (short or long
 * name, case-insensitively); a malformed line is skipped.
 *
 * @example
 * parseMrSets("$drinks=C 6 Drinks tea coffee\n", (n) => ({ tea: 0, coffee: 1 })[n]);
 * // [{ name: "drinks", label: "Drinks", kind: "C", variables: [0, 1] }]
 */
export function parseMrSets(text: string, lookup: (name: string) => number | undefined): SavMrSet[] {
  const out: SavMrSet[] = [];
  for (const line of text.split("\n")) {
    const set = parseLine(line.replace(/\0/g, ""), lookup);
    if (set) out.push(set);
  }
  return out;
}

function parseLine(line: string, lookup: (name: string) => number | undefined): SavMrSet | null {
  const eq = line.indexOf("=");
  if (!line.startsWith("$") || eq < 2) return null;
  const name = line.slice(1, eq);
  let at = eq + 1;
  const kind = line[at++];
  if (kind !== "C" && kind !== "D" && kind !== "E") return null;
  const readNumber = (): number | null => {
    const m = /^\d+/.exec(line.slice(at));
    if (!m) return null;
    at += m[0].length;
    return Number(m[0]);
  };
  const counted = (): string | null => {
    const n = readNumber();
    if (n === null || line[at] !== " ") return null;
    const value = line.slice(at + 1, at + 1 + n);
    at += 1 + n;
    return value;
  };
  let countedValue: string | undefined;
  if (kind === "E") {
    if (line[at] !== " ") return null;
    at++;
    if (readNumber() === null || line[at] !== " ") return null;
    at++;
  }
  if (kind !== "C") {
    const v = counted();
    if (v === null) return null;
    countedValue = v;
  }
  if (line[at] !== " ") return null;
  at++;
  const label = counted();
  if (label === null) return null;
  const variables = line
    .slice(at)
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(lookup);
  if (!variables.length || variables.some((v) => v === undefined)) return null;
  return { name, label, kind: kind === "C" ? "C" : "D", ...(countedValue !== undefined ? { countedValue } : {}), variables: variables as number[] };
}
