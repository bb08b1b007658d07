import type { ImportIssue, Question, SourceFormat, StoredColumn } from "@/lib/schema/question";
import type { DatasetProfile } from "./profile";
import type { DefaultFilter } from "./types";

interface Rule {
  formats: SourceFormat[];
  /** header texts (any header row) naming the column, compared case-insensitively */
  headers: string[];
  /** values that mark responses to leave out by default */
  exclude: string[];
  reason: string;
}

/**
 * Qualtrics `Status` (numeric export: 0 IP Address, 1 Survey Preview, 2 Survey Test, 4 Imported,
 * 8 Spam, 9 Preview Spam, 12 Imported Spam, 16 Offline, 17 Offline Preview; label export: the
 * names), Qualtrics `Finished` (0 / False), Alchemer `Status` (Complete / Partial / Disqualified).
 * Legacy Qualtrics names Status `V7` and Finished `V10` in its first header row; its second row
 * holds the names.
 */
const RULES: Rule[] = [
  {
    formats: ["qualtrics", "qualtrics-legacy"],
    headers: ["status"],
    exclude: ["1", "2", "8", "9", "12", "17", "Survey Preview", "Survey Test", "Spam", "Preview Spam", "Imported Spam", "Offline Preview", "Offline Survey Preview"],
    reason: "preview, test and spam responses (Qualtrics Status)",
  },
  {
    formats: ["qualtrics", "qualtrics-legacy"],
    headers: ["finished"],
    exclude: ["0", "False", "false", "FALSE"],
    reason: "unfinished responses (Qualtrics Finished = 0)",
  },
  {
    formats: ["alchemer"],
    headers: ["status"],
    exclude: ["Partial", "Disqualified", "Test", "Deleted"],
    reason: "partial, disqualified and test responses (Alchemer Status)",
  },
];

/**
 * Filters the app should apply by default (values to keep, as in a crosstab spec's `filters`), and
 * warnings for rules that would leave no response at all (then no filter is proposed).
 *
 * @example
 * defaultFilters("qualtrics", columns, questions, profile).filters;
 * // [{ question: "Finished", values: ["1"], reason: "unfinished responses (Qualtrics Finished = 0)" }]
 */
export function defaultFilters(
  format: SourceFormat,
  columns: StoredColumn[],
  questions: Question[],
  profile: DatasetProfile,
): { filters: DefaultFilter[]; warnings: ImportIssue[] } {
  const filters: DefaultFilter[] = [];
  const warnings: ImportIssue[] = [];
  for (const rule of RULES) {
    if (!rule.formats.includes(format)) continue;
    const col = columns.find((c) => c.headers.some((h) => rule.headers.includes(h.trim().toLowerCase())));
    const question = col && questions.find((q) => q.columns.length === 1 && q.columns[0] === col.name);
    const counts = col && profile.columns[col.index]?.values;
    if (!col || !question || !counts || counts.overflow) continue;
    const excluded = [...counts.counts].filter(([v]) => rule.exclude.includes(v.trim()));
    if (!excluded.length) continue;
    const keep = [...counts.counts].filter(([v]) => !rule.exclude.includes(v.trim())).map(([v]) => v);
    const dropped = excluded.reduce((s, [, n]) => s + n, 0);
    if (!keep.length) {
      warnings.push({
        code: "default-filter-skipped",
        message: `all ${dropped} responses are ${rule.reason.replace(/ \(.*$/, "")} (column ${col.index + 1}, ${excluded.map(([v]) => `"${v}"`).join(", ")}); no default filter applied`,
        column: col.index + 1,
      });
      continue;
    }
    filters.push({ question: question.id, values: keep.sort(), reason: `excludes ${dropped} ${rule.reason}` });
  }
  return { filters, warnings };
}
