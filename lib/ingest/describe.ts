import type { ImportIssue, Question, QuestionType, SourceFormat } from "@/lib/schema/question";
import type { DefaultFilter, IngestError, IngestResult } from "./types";

export interface DescribedQuestion {
  id: string;
  label: string;
  type: QuestionType;
  columns: string[];
  answered: number;
  options: { label: string; count: number }[];
  missingCodes?: string[];
  /** non-substantive answers ("No answer", "Don't know"): missing codes shown as their own rows */
  nonSubstantive?: { label: string; count: number }[];
  orderBasis?: Question["orderBasis"];
  needsValueLabels?: boolean;
  multi?: Question["multi"];
  group?: string;
  grid?: Question["grid"];
}

/** The CLI / API JSON shape describing an import. */
export interface ImportDescription {
  format: SourceFormat | null;
  headerRows: number;
  respondents: number;
  encoding: string | null;
  delimiter: string | null;
  questions: DescribedQuestion[];
  warnings: ImportIssue[];
  errors: ImportIssue[];
  /** filters the app should apply by default (IngestResult.defaultFilters); absent when none */
  defaultFilters?: DefaultFilter[];
}

function describeQuestion(q: Question): DescribedQuestion {
  return {
    id: q.id,
    label: q.label,
    type: q.type,
    columns: q.columns,
    answered: q.answered,
    options: q.options.map((o) => ({ label: o.label, count: o.count })),
    ...(q.missingCodes.length ? { missingCodes: q.missingCodes } : {}),
    ...(q.nonSubstantive?.length ? { nonSubstantive: q.nonSubstantive.map((o) => ({ label: o.label, count: o.count })) } : {}),
    ...(q.orderBasis ? { orderBasis: q.orderBasis } : {}),
    ...(q.needsValueLabels ? { needsValueLabels: true } : {}),
    ...(q.multi ? { multi: q.multi } : {}),
    ...(q.group ? { group: q.group } : {}),
    ...(q.grid ? { grid: q.grid } : {}),
  };
}

/**
 * The JSON the CLI prints for a successful import.
 *
 * @example
 * describeImport(result); // { format: "qualtrics", headerRows: 3, respondents: 1, …, errors: [] }
 */
export function describeImport(result: IngestResult): ImportDescription {
  return {
    format: result.format,
    headerRows: result.headerRows,
    respondents: result.respondents,
    encoding: result.encoding,
    delimiter: result.delimiter,
    questions: result.questions.map(describeQuestion),
    warnings: result.warnings,
    errors: [],
    ...(result.defaultFilters?.length ? { defaultFilters: result.defaultFilters } : {}),
  };
}

/**
 * The same JSON shape for a failed import: no questions, the located issues as `errors`.
 *
 * @example
 * describeImportError(err).errors[0].byteOffset; // 5
 */
export function describeImportError(error: IngestError): ImportDescription {
  return { format: null, headerRows: 0, respondents: 0, encoding: null, delimiter: null, questions: [], warnings: [], errors: error.issues };
}
