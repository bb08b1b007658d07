import type { CrosstabSpec } from "@/lib/schema/crosstab-spec";
import { getOutcomeCategories } from "@/lib/schema/crosstab-spec";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question, StoredColumn } from "@/lib/schema/question";
import { CHOSEN, type CrosstabPlan, type FilterPlan, type MultiLayout, type ValueSource } from "./plan";

export interface ResolveOptions {
  /**
   * "raw": names are column headers and only an empty cell is missing (the golden-case contract,
   * used by the CLI on plain files); "declared": names are question ids or labels and each
   * question's declared missing codes apply (the app).
   */
  missing: "raw" | "declared";
}

type Target = { question?: Question; column: StoredColumn };

function findTarget(dataset: Dataset, name: string, opts: ResolveOptions): Target | undefined {
  const byHeader = (c: StoredColumn) => c.headers[0] === name || c.headers.includes(name);
  if (opts.missing === "raw") {
    const column = dataset.columns.find(byHeader);
    if (column) return { column };
  }
  const question =
    dataset.questions.find((q) => q.id === name) ??
    dataset.questions.find((q) => q.label === name) ??
    dataset.questions.find((q) => dataset.columns.some((c) => c.name === q.columns[0] && byHeader(c)));
  if (question) {
    const column = dataset.columns.find((c) => c.name === question.columns[0])!;
    return { question, column };
  }
  // storage names (c0…) are internal: only the raw golden-case contract may reach a column by one
  const column = dataset.columns.find(byHeader) ?? (opts.missing === "raw" ? dataset.columns.find((c) => c.name === name) : undefined);
  return column ? { column } : undefined;
}

/** Question types whose answers are numbers a weight can be read from. */
const WEIGHT_TYPES = new Set(["weight", "numeric"]);
/** Question types whose declared options are every value a filter may select. */
const OPTION_TYPES = new Set(["single", "ordinal", "multi"]);

/** Free text and respondent ids are answers, not variables: their "levels" would be respondent data. */
function requireVariable(dataset: Dataset, name: string, role: "outcome" | "segment", opts: ResolveOptions): Target {
  const t = requireTarget(dataset, name, role, opts);
  const type = t.question?.type;
  if (opts.missing === "declared" && (type === "text" || type === "id")) {
    throw new AppError("invalid_spec", `${role}: question ${t.question!.id} is ${type === "id" ? "a respondent id" : "free text"} and cannot be broken down`, { role, name: t.question!.id });
  }
  return t;
}

function requireWeight(dataset: Dataset, name: string, opts: ResolveOptions): Target {
  const t = requireTarget(dataset, name, "weight", opts);
  if (opts.missing === "declared" && t.question && !WEIGHT_TYPES.has(t.question.type)) {
    throw new AppError("invalid_spec", `weight: question ${t.question.id} is not numeric (a ${t.question.type} question); choose a weight or numeric question`, {
      role: "weight",
      name: t.question.id,
    });
  }
  return t;
}

/** A filter may select only declared options (code or label) or missing codes of a categorical question. */
function assertFilterValues(t: Target, values: string[], opts: ResolveOptions): void {
  const q = t.question;
  if (opts.missing !== "declared" || !q || !OPTION_TYPES.has(q.type) || q.options.length === 0) return;
  const known = new Set([...q.options.flatMap((o) => [o.code, o.label]), ...q.missingCodes]);
  // the message names the question and the rule, never the value (the caller has it)
  if (values.some((v) => !known.has(v))) {
    throw new AppError("invalid_spec", `filters.${q.id}: a value is not an option of the question; use the codes or labels of its options`, {
      role: "filter",
      name: q.id,
    });
  }
}

function requireTarget(dataset: Dataset, name: string, role: string, opts: ResolveOptions): Target {
  const t = findTarget(dataset, name, opts);
  if (!t) throw new AppError("unknown_question", `unknown ${role} question: ${name}`, { role, name });
  return t;
}

function multiLayout(q: Question, option: string): MultiLayout {
  if (q.multi?.layout === "delimited") {
    return { layout: "delimited", column: q.columns[0], delimiter: q.multi.delimiter ?? ";" };
  }
  const opt = q.options.find((o) => o.code === option || o.label === option);
  if (!opt?.column) throw new AppError("invalid_spec", `unknown option of ${q.id}: ${option}`);
  // a missing code in an option column (e.g. "NA": not asked) is never a choice
  const unchecked = [...(q.multi?.uncheckedCodes ?? []), ...q.missingCodes];
  return { layout: "columns", optionColumn: opt.column, allColumns: q.columns, uncheckedCodes: unchecked };
}

function missingCodes(t: Target, opts: ResolveOptions): string[] {
  return opts.missing === "declared" && t.question ? t.question.missingCodes : [];
}

function isMulti(t: Target, opts: ResolveOptions): t is Target & { question: Question } {
  return opts.missing === "declared" && t.question?.type === "multi" && t.question.multi !== undefined;
}

function resolveFilter(dataset: Dataset, name: string, values: string[], opts: ResolveOptions): FilterPlan {
  const t = requireTarget(dataset, name, "filter", opts);
  assertFilterValues(t, values, opts);
  if (isMulti(t, opts)) {
    const q = t.question;
    const codes = values.map((v) => q.options.find((o) => o.code === v || o.label === v)?.code ?? v);
    return { kind: "multi-any", choices: codes.map((option) => ({ option, layout: multiLayout(q, option) })) };
  }
  return { kind: "values", column: t.column.name, values };
}

/** Resolve `{question: [values]}` filters (question ids or labels, declared semantics) to storage terms. */
export function resolveFilters(dataset: Dataset, filters: Record<string, string[]>): FilterPlan[] {
  return Object.entries(filters).map(([name, values]) => resolveFilter(dataset, name, values, { missing: "declared" }));
}

/**
 * Resolve a crosstab spec against a dataset: names → storage columns, option → y rule.
 * Throws `AppError("unknown_question")` naming the role and the name that did not match.
 *
 * @example
 * resolveCrosstabSpec(spec, dataset, { missing: "declared" }).outcome.kind // "column"
 */
export function resolveCrosstabSpec(spec: CrosstabSpec, dataset: Dataset, opts: ResolveOptions): CrosstabPlan {
  const out = requireVariable(dataset, spec.outcome, "outcome", opts);
  const categories = getOutcomeCategories(spec);
  let outcome: ValueSource;
  let outcomeCategories = categories;
  if (spec.statistic === "proportion" && isMulti(out, opts)) {
    const q = out.question;
    const codes = categories.map((c) => q.options.find((o) => o.code === c || o.label === c)?.code ?? c);
    const choices = codes.map((option) => ({ option, layout: multiLayout(q, option) }));
    outcome = { kind: "multi-option", choices, answered: choices[0].layout, missingCodes: q.missingCodes };
    outcomeCategories = [CHOSEN];
  } else {
    const apart = spec.missing_outcome === "include_nonsubstantive" ? new Set(out.question?.nonSubstantive?.map((o) => o.code)) : new Set<string>();
    outcome = { kind: "column", column: out.column.name, missingCodes: missingCodes(out, opts).filter((c) => !apart.has(c)) };
    if (out.question && opts.missing === "declared") {
      // categories may be given by option label: map them to codes
      outcomeCategories = categories.map((c) => out.question!.options.find((o) => o.label === c && o.code !== c)?.code ?? c);
    }
  }
  const seg = requireVariable(dataset, spec.segment, "segment", opts);
  if (isMulti(seg, opts)) {
    throw new AppError("invalid_spec", `a multi-select cannot be a segment (its groups overlap): ${seg.question.id}`);
  }
  const weight = spec.weight ? requireWeight(dataset, spec.weight, opts) : undefined;
  const filters = Object.entries(spec.filters).map(([name, values]) => resolveFilter(dataset, name, values, opts));
  return {
    statistic: spec.statistic,
    outcome,
    outcomeCategories,
    segment: { column: seg.column.name, missingCodes: missingCodes(seg, opts) },
    weight: weight ? { column: weight.column.name } : undefined,
    filters,
    segmentLevels: spec.segment_levels,
    missingSegment: spec.missing_segment,
    confLevel: spec.conf_level,
  };
}
