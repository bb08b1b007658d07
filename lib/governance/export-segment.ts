/**
 * The respondent rows of one export, made safe against steering (issue #17):
 *
 * - **filters may not name identifiers or free text** (`assertExportFilters`): a filter on an
 *   e-mail, an id or a comment selects one person;
 * - **the filtered segment is protected as a whole** (`protectSegment`): a segment of fewer than k
 *   respondents — none included — is refused with one data-free message, so the answer never says
 *   whether anybody matched; the filter columns join the quasi-identifiers (read but not written),
 *   so k-anonymity holds for the segment together with what the filter tells about every row;
 * - **rows are shuffled per export** with a fresh random order, so two exports cannot be joined by
 *   row position; no row number is written.
 *
 * Pure apart from the injected random source.
 */
import type { FilterPlan } from "@/lib/analysis/plan";
import { AppError } from "@/lib/schema/errors";
import type { ColumnStatus } from "./column-status";
import { suppressToK, type SuppressionReport } from "./k-anonymity";

/** The one answer for a segment under k (an empty one included): same status, same words. */
export const SMALL_SEGMENT_MESSAGE = (k: number) => `the filtered segment is too small to export: respondent-level exports need a segment of at least ${k} respondents`;

/**
 * The storage columns a filter plan reads.
 * @example filterColumns([{ kind: "values", column: "c3", values: ["Yes"] }]) // ["c3"]
 */
export function filterColumns(plans: readonly FilterPlan[]): string[] {
  const out = new Set<string>();
  for (const p of plans) {
    if (p.kind === "values") out.add(p.column);
    else
      for (const c of p.choices) {
        if (c.layout.layout === "delimited") out.add(c.layout.column);
        else for (const col of c.layout.allColumns) out.add(col);
      }
  }
  return [...out];
}

/**
 * Refuse an export filter on a column whose governed status is `identifier` or `free-text`
 * (`forbidden`, naming the filter, never a value). Returns the columns the filters read.
 *
 * @example assertExportFilters({ email: [plan] }, (c) => "identifier") // throws "filters.email: …"
 */
export function assertExportFilters(filters: Readonly<Record<string, FilterPlan>>, statusOfColumn: (column: string) => ColumnStatus): string[] {
  for (const [name, plan] of Object.entries(filters)) {
    for (const c of filterColumns([plan])) {
      const s = statusOfColumn(c);
      if (s === "identifier") throw new AppError("forbidden", `filters.${name}: a respondent export cannot be filtered on a direct identifier`, { role: "filter", name });
      if (s === "free-text") throw new AppError("forbidden", `filters.${name}: a respondent export cannot be filtered on free text`, { role: "filter", name });
    }
  }
  return filterColumns(Object.values(filters));
}

export interface SegmentRequest {
  /** the segment's rows: the exported columns first, then `hidden` filter columns */
  rows: (string | null)[][];
  /** how many leading columns of each row are exported */
  exported: number;
  /** indexes (within the row) of the quasi-identifiers: exported ones and the hidden filter columns */
  quasiIdentifiers: number[];
  k: number;
  /** a uniform random number in [0, 1); `crypto`-backed in production */
  random: () => number;
}

/**
 * Protect one export's segment: refuse it under k, k-anonymise the quasi-identifiers (suppression is
 * computed on the stored order, so the exported multiset does not depend on the shuffle), drop the
 * hidden filter columns, and shuffle the rows (Fisher–Yates).
 *
 * @example protectSegment({ rows, exported: 2, quasiIdentifiers: [0, 2], k: 5, random: Math.random }).rows
 */
export function protectSegment(req: SegmentRequest): Omit<SuppressionReport, "perColumn"> {
  if (req.rows.length < req.k) throw new AppError("validation_failed", SMALL_SEGMENT_MESSAGE(req.k), { rule: "segment-k", k: req.k });
  const report = suppressToK(req.rows, req.quasiIdentifiers, req.k);
  const rows = report.rows.map((r) => r.slice(0, req.exported));
  const hiddenSuppressed = req.quasiIdentifiers.filter((j) => j >= req.exported).reduce((a, j) => a + (report.perColumn[j] ?? 0), 0);
  const affected = report.rows.filter((r, i) => r.some((v, j) => j < req.exported && v !== req.rows[i][j])).length;
  return { rows: shuffle(rows, req.random), suppressed: report.suppressed - hiddenSuppressed, rowsAffected: affected };
}

/**
 * A uniformly random permutation of `rows` (a copy).
 * @example shuffle([[1], [2], [3]], Math.random) // e.g. [[3], [1], [2]]
 */
export function shuffle<T>(rows: readonly T[], random: () => number): T[] {
  const out = rows.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * A crypto-backed uniform random number in [0, 1) (53 bits), for the export shuffle.
 * @example cryptoRandom() // 0.7312…
 */
export function cryptoRandom(): number {
  const b = new Uint32Array(2);
  crypto.getRandomValues(b);
  return (b[0] * 2 ** 21 + (b[1] >>> 11)) / 2 ** 53;
}
