import type { Question, QuestionOption } from "@/lib/schema/question";
import { MULTI_DELIMITERS, type DatasetProfile } from "./profile";
import { sanitizeId } from "./question-ids";
import { inferOrder } from "./scales";
import { MISSING_TOKENS } from "./values";

const MAX_GROUP_ID = 64;

/** FNV-1a, 32 bits, as 8 hex digits: a short stable fingerprint of a long prefix. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * The group id of a `Question text [Row]` grid: the sanitized shared prefix (a fingerprint
 * replaces the tail of prefixes too long for an id, so two long prefixes differing only at the
 * end stay apart); `fallback` (position based) when the prefix is empty, as in `[ASP .net]`.
 *
 * @example
 * gridGroupId("How satisfied are you with", "block4"); // "How_satisfied_are_you_with"
 */
export function gridGroupId(prefix: string, fallback: string): string {
  const full = sanitizeId(prefix.replace(/[\s:?.-]+$/, ""));
  if (!full) return fallback;
  const chars = Array.from(full);
  if (chars.length <= MAX_GROUP_ID && Array.from(prefix.normalize("NFC")).length <= MAX_GROUP_ID) return full;
  return `${chars.slice(0, MAX_GROUP_ID - 9).join("")}_${fnv1a(prefix.normalize("NFC"))}`;
}

const isInteger = (s: string) => /^-?\d{1,3}$/.test(s);

/** Row option counts in a shared order (0 for a level nobody chose in that row). */
function ordered(q: Question, order: string[]): QuestionOption[] {
  return order.map((code) => ({ code, label: code, count: q.options.find((o) => o.code === code)?.count ?? 0 }));
}

/**
 * Scale order for a grid's levels: numeric order for small integer codes spanning 3+ values,
 * else a recognised label scale (`scaleOrder`); null when the levels are not an ordered scale.
 */
function gridOrder(levels: string[]): { order: string[]; basis: NonNullable<Question["orderBasis"]> } | null {
  if (levels.length && levels.every(isInteger)) {
    const nums = levels.map(Number);
    const span = Math.max(...nums) - Math.min(...nums);
    return levels.length >= 3 && span <= 10 ? { order: [...levels].sort((a, b) => Number(a) - Number(b)), basis: "numeric" } : null;
  }
  const inferred = inferOrder(levels);
  return inferred && inferred.basis !== "codes" ? { order: [...inferred.order, ...inferred.off], basis: inferred.basis } : null;
}

/**
 * Align the rows of a `Question text [Row]` grid (one column per row, each cell an answer from the
 * same scale) so they read as one question set:
 * - when every answered row is a single choice and the rows' levels together form an ordered
 *   scale, every row becomes `ordinal` with the same option order (levels a row lacks count 0);
 * - when some rows are delimited multi-selects (a tick-box grid: `Basic;Expert`) and every other
 *   row's cells split into the same levels, every row becomes that multi-select with the same
 *   options (by total count across the grid).
 * Otherwise the rows are left as inferred. Rows nobody answered take the grid's type.
 *
 * @example
 * alignGrid(rows, profile).map((q) => q.type); // ["ordinal", "ordinal", "ordinal"]
 */
export function alignGrid(rows: Question[], profile: DatasetProfile, columnIndex: (q: Question) => number): Question[] {
  if (rows.length < 2) return rows;
  const answered = rows.filter((q) => q.answered > 0);
  if (!answered.length) return rows;

  if (answered.every((q) => q.type === "single" || q.type === "ordinal")) {
    const levels = [...new Set(answered.flatMap((q) => q.options.map((o) => o.code)))];
    const found = gridOrder(levels);
    if (!found) return rows;
    return rows.map((q) => ({ ...q, type: "ordinal", options: ordered(q, found.order), orderBasis: found.basis }));
  }

  const multi = answered.find((q) => q.type === "multi" && q.multi?.layout === "delimited");
  const found = multi?.multi?.layout === "delimited" ? multi.multi.delimiter : undefined;
  const delimiter = MULTI_DELIMITERS.find((d) => d === found);
  if (!multi || !delimiter || !answered.every((q) => q.type === "single" || q.type === "ordinal" || q.type === "multi")) return rows;
  if (answered.some((q) => q.type === "multi" && (q.multi?.layout !== "delimited" || q.multi.delimiter !== delimiter))) return rows;
  const levels = new Set(answered.filter((q) => q.type === "multi").flatMap((q) => q.options.map((o) => o.code)));
  const tokenCounts = (q: Question): Map<string, number> | null => {
    const t = profile.columns[columnIndex(q)].tokens[delimiter];
    const values = profile.columns[columnIndex(q)].values;
    if (t.overflow || values.overflow) return null;
    const counts = new Map<string, number>([...t.counts].filter(([k]) => !MISSING_TOKENS.has(k)));
    return [...counts.keys()].every((k) => levels.has(k)) ? counts : null;
  };
  const perRow = rows.map(tokenCounts);
  if (perRow.some((c) => !c)) return rows;
  const totals = new Map<string, number>();
  for (const c of perRow) for (const [k, n] of c!) totals.set(k, (totals.get(k) ?? 0) + n);
  const order = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k]) => k);
  return rows.map((q, i) => ({
    ...q,
    type: "multi",
    options: order.map((code) => ({ code, label: code, count: perRow[i]!.get(code) ?? 0 })),
    multi: { layout: "delimited", delimiter, uncheckedCodes: [] },
  }));
}
