import type { ImportIssue, Question, StoredColumn } from "@/lib/schema/question";
import { cleanQuestionLabels } from "./clean-label";
import { defaultFilters } from "./default-filters";
import type { Dialect } from "./dialects/types";
import type { IssueCollector } from "./issues";
import type { DatasetProfile } from "./profile";
import { sanitizeId } from "./question-ids";
import type { IngestResult } from "./types";

/**
 * One "duplicate-header" warning per question whose id had to be renamed because an earlier
 * column has the same header text (compared trimmed and case-insensitively): `a, a, A` → `a,
 * a_2, A_3`. Ids shortened to the same 64 characters from different headers are not reported.
 */
function renameWarnings(questions: Question[], columns: StoredColumn[]): ImportIssue[] {
  const firstSeen = new Map<string, number>();
  for (const c of columns) {
    const key = (c.headers[0] ?? "").trim().toLowerCase();
    if (key && !firstSeen.has(key)) firstSeen.set(key, c.index);
  }
  const out: ImportIssue[] = [];
  for (const q of questions) {
    const col = columns.find((c) => c.name === q.columns[0]);
    const header = col?.headers[0] ?? "";
    const wanted = sanitizeId(header);
    if (!col || !wanted || q.id === wanted) continue;
    const first = firstSeen.get(header.trim().toLowerCase());
    const renamed = q.id.toLowerCase().startsWith(wanted.toLowerCase()) && /^_\d+$/.test(q.id.slice(wanted.length));
    if (renamed && first !== undefined && first < col.index) {
      const message = `duplicate column name "${header}" at columns ${first + 1} and ${col.index + 1}: question id renamed to "${q.id}"`;
      out.push({ code: "duplicate-header", message, row: 1, column: col.index + 1 });
    }
  }
  return out;
}

/** What the file's layout and data were found to be (the streaming pipeline's or the bulk loader's). */
export interface ResultInput {
  dialect: Dialect;
  encoding: string;
  delimiter: string;
  headers: string[][];
  columns: StoredColumn[];
  respondents: number;
}

/**
 * The IngestResult of a parsed file: questions built by the dialect from the header rows and the
 * profile, duplicate-header and default-filter warnings added to `warnings`. Shared by `ingest`
 * and the bulk (DuckDB `read_csv`) path so both describe a file identically.
 *
 * @example
 * const result = buildResult(outcome, profiler.finish(), warnings, bytes, sha256);
 * result.questions.length; // one per detected question
 */
export function buildResult(input: ResultInput, profile: DatasetProfile, warnings: IssueCollector, bytes: number, sha256: string): IngestResult {
  const questions = input.dialect.build(input.headers, profile).map(cleanQuestionLabels);
  for (const w of renameWarnings(questions, input.columns)) warnings.add(w);
  const defaults = defaultFilters(input.dialect.format, input.columns, questions, profile);
  for (const w of defaults.warnings) warnings.add(w);
  return {
    format: input.dialect.format,
    encoding: input.encoding,
    delimiter: input.delimiter,
    headerRows: input.headers.length,
    respondents: input.respondents,
    bytes,
    sha256,
    columns: input.columns,
    questions,
    warnings: warnings.summary(),
    ...(warnings.omitted ? { warningsOmitted: warnings.omitted } : {}),
    ...(defaults.filters.length ? { defaultFilters: defaults.filters } : {}),
  };
}
