import { MULTI_DELIMITER } from "./columns";

/** Options for {@link share}. */
export interface ShareOptions {
  /** keep only rows where each listed column holds one of the listed values */
  filter?: Readonly<Record<string, readonly string[]>>;
  /** column holding the survey weight; unweighted when absent */
  weight?: string;
  /** treat the outcome as a delimited multi-select */
  multi?: boolean;
}

/** A share and the base it was computed on. */
export interface ShareResult {
  share: number;
  /** answering respondents in the base (unweighted count) */
  n: number;
}

/**
 * Share of the answering rows (blank outcome excluded) whose outcome is one of `categories`
 * (a NET when several). For a multi-select, a row counts when any chosen option matches.
 *
 * @example
 * share(rows, "rolled_back", ["Yes"], { filter: { guardrail_maturity: ["Fully mature"] } });
 * // { share: 0.81, n: 398 }
 */
export function share(
  rows: readonly Record<string, string>[],
  column: string,
  categories: readonly string[],
  options: ShareOptions = {},
): ShareResult {
  let hit = 0;
  let base = 0;
  let n = 0;
  for (const row of rows) {
    if (!keep(row, options.filter)) continue;
    const value = row[column] ?? "";
    if (value === "") continue;
    const w = options.weight ? Number(row[options.weight]) : 1;
    const parts = options.multi ? value.split(MULTI_DELIMITER) : [value];
    base += w;
    n += 1;
    if (parts.some((p) => categories.includes(p))) hit += w;
  }
  return { share: base === 0 ? Number.NaN : hit / base, n };
}

/**
 * Pearson correlation of two numeric columns over rows where both are present.
 *
 * @example
 * pearson(rows, "infrastructure_satisfaction", "deployment_confidence"); // ≈ 0.52
 */
export function pearson(rows: readonly Record<string, string>[], a: string, b: string): number {
  const pairs = rows.filter((r) => r[a] !== "" && r[b] !== "").map((r) => [Number(r[a]), Number(r[b])] as const);
  const n = pairs.length;
  const ma = pairs.reduce((s, p) => s + p[0], 0) / n;
  const mb = pairs.reduce((s, p) => s + p[1], 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (const [x, y] of pairs) {
    sab += (x - ma) * (y - mb);
    saa += (x - ma) ** 2;
    sbb += (y - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/**
 * Mean of a numeric column over its non-blank rows (optionally weighted).
 *
 * @example
 * mean(rows, "detect_hours"); // 14.0
 */
export function mean(rows: readonly Record<string, string>[], column: string, weight?: string): number {
  let s = 0;
  let w = 0;
  for (const row of rows) {
    if ((row[column] ?? "") === "") continue;
    const rw = weight ? Number(row[weight]) : 1;
    s += rw * Number(row[column]);
    w += rw;
  }
  return s / w;
}

function keep(row: Record<string, string>, filter: ShareOptions["filter"]): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([col, values]) => values.includes(row[col] ?? ""));
}
