import type { ImportIssue, Question, QuestionOption, QuestionType } from "@/lib/schema/question";
import { inferQuestion, isWeightHeader } from "../infer-question";
import type { DatasetProfile } from "../profile";
import { IdAllocator } from "../question-ids";
import { numberText } from "./cases";
import type { SavDictionary, SavMrSet, SavVariable } from "./types";

/** per dichotomy set: rows where at least one variable holds the counted value (filled by the row loop) */
export type SetAnswered = Map<SavMrSet, number>;

const DATE_FORMATS = new Set([20, 22, 23, 24, 28, 29, 30, 38, 39, 41]);

const valueText = (v: SavVariable, x: number | string) => (typeof x === "number" ? numberText(x, v.format) : x);

/** the variable's user-missing values as stored text: discrete values, and for a range every labelled or seen value inside it */
function missingCodes(v: SavVariable, seen: Iterable<string>, warnings: ImportIssue[], overflow: boolean): string[] {
  const codes = new Set(v.missing.values.map((x) => valueText(v, x)).filter((s) => s !== ""));
  const range = v.missing.range;
  if (range) {
    const inRange = (s: string) => s !== "" && Number(s) >= range[0] && Number(s) <= range[1];
    for (const l of v.valueLabels) if (typeof l.value === "number" && l.value >= range[0] && l.value <= range[1]) codes.add(valueText(v, l.value));
    for (const s of seen) if (inRange(s)) codes.add(s);
    if (overflow) {
      const message = `missing-value range of ${v.name} (${range[0]} to ${range[1]}): more distinct values than counted, some values in the range may be treated as answers`;
      warnings.push({ code: "missing-range-partial", message });
    }
  }
  return [...codes];
}

const compareCodes = (numeric: boolean) => (a: string, b: string) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0);

/** labelled values and values seen in the data, missing codes left out, in code order */
function optionsOf(v: SavVariable, counts: Map<string, number>, missing: Set<string>): QuestionOption[] {
  const labels = new Map(v.valueLabels.map((l) => [valueText(v, l.value), l.label]));
  const codes = [...new Set([...labels.keys(), ...counts.keys()])].filter((c) => c !== "" && !missing.has(c)).sort(compareCodes(v.width === 0));
  return codes.map((code) => ({ code, label: labels.get(code) || code, count: counts.get(code) ?? 0 }));
}

/** a level without value labels makes a choice question only of a column with few values (not an id or a zip code marked nominal) */
const MAX_UNLABELLED_OPTIONS = 60;

/**
 * A number column whose every answer is a labelled value (at least two labels) is a set of
 * categories, whatever its measurement level says: SPSS and PSPP leave new numeric variables at
 * Scale, so `sex` 0 = Male / 1 = Female often arrives as "scale". Labels on only some values (the
 * ends of a 0–10 scale) or a code outside the labels keep a scale a number.
 */
function labelsCoverAnswers(v: SavVariable, counts: Map<string, number>, missing: Set<string>, overflow: boolean): boolean {
  if (v.width !== 0 || overflow) return false;
  const labelled = new Set(v.valueLabels.map((l) => valueText(v, l.value)).filter((c) => !missing.has(c)));
  if (labelled.size < 2) return false;
  const answers = [...counts.keys()].filter((c) => c !== "" && !missing.has(c));
  return answers.length > 0 && answers.every((c) => labelled.has(c));
}

function typeOf(v: SavVariable, isWeight: boolean, inferred: QuestionType, distinct: number | null, categorical: boolean): QuestionType {
  if (isWeight) return "weight";
  if (v.width === 0 && DATE_FORMATS.has(v.format)) return "date";
  if (inferred === "id" || inferred === "weight" || inferred === "date") return inferred;
  const few = v.valueLabels.length > 0 || (distinct !== null && distinct <= MAX_UNLABELLED_OPTIONS);
  if (v.measure === 2 && few) return "ordinal";
  if (v.measure === 3 && v.width === 0 && !categorical) return "numeric";
  if (v.valueLabels.length) return "single";
  if (v.measure === 1 && v.width === 0 && few) return "single";
  return inferred;
}

function variableQuestion(v: SavVariable, dict: SavDictionary, profile: DatasetProfile, id: string, warnings: ImportIssue[]): Question {
  const p = profile.columns[v.index];
  const column = `c${v.index}`;
  const label = v.label || v.name;
  const counts = p.values.counts;
  const missing = missingCodes(v, counts.keys(), warnings, p.values.overflow);
  const missingSet = new Set(missing);
  const missingCount = missing.reduce((s, c) => s + (counts.get(c) ?? 0), 0);
  const inferred = inferQuestion(p, { id, label, header: v.name, column });
  const distinct = p.values.overflow || p.longValues ? null : [...counts.keys()].filter((c) => !missingSet.has(c)).length;
  const categorical = labelsCoverAnswers(v, counts, missingSet, p.values.overflow || p.longValues > 0);
  const isWeight = dict.weight === v.index || (v.measure !== 2 && inferred.type === "weight" && isWeightHeader(v.name));
  const type = typeOf(v, isWeight, inferred.type, distinct, categorical);
  const base = { id, label, columns: [column], missingCodes: missing, answered: Math.max(0, p.nonEmpty - missingCount) };
  if (type === "single" || type === "ordinal") return { ...base, type, options: optionsOf(v, counts, missingSet) };
  if (type === inferred.type && type !== "numeric") return { ...inferred, ...base, type, options: inferred.options, multi: inferred.multi };
  return { ...base, type, options: [] };
}

function dichotomyQuestion(set: SavMrSet, dict: SavDictionary, profile: DatasetProfile, id: string, answered: number): Question {
  const vars = set.variables.map((i) => dict.variables[i]);
  const counted = set.countedValue ?? "1";
  const unchecked = new Set<string>();
  const missing = new Set<string>();
  for (const v of vars) {
    const p = profile.columns[v.index];
    for (const c of missingCodes(v, p.values.counts.keys(), [], false)) missing.add(c);
    for (const value of p.values.counts.keys()) if (value !== counted && !missing.has(value)) unchecked.add(value);
    for (const l of v.valueLabels) {
      const t = valueText(v, l.value);
      if (t !== counted && !missing.has(t)) unchecked.add(t);
    }
  }
  return {
    id,
    label: set.label || set.name,
    type: "multi",
    columns: vars.map((v) => `c${v.index}`),
    options: vars.map((v) => {
      const label = v.label || v.name;
      return { code: label, label, count: profile.columns[v.index].values.counts.get(counted) ?? 0, column: `c${v.index}` };
    }),
    missingCodes: [...missing],
    multi: { layout: "columns", uncheckedCodes: [...unchecked] },
    answered,
  };
}

/**
 * The question model of a system file, from its dictionary: variable labels as question text,
 * value labels as options in code order, user-missing values as missing codes, measurement
 * levels as types (nominal → single, ordinal → ordinal, scale → numeric; dates by their format;
 * the file's weight variable → weight), dichotomy multiple response sets as one multi-select over
 * their variables. Only variables without metadata to go by (no level, no labels) are inferred
 * from their profile as a CSV column would be. Counts come from the profile.
 *
 * @example
 * const questions = buildSavQuestions(dict, profiler.finish(), answeredBySet, warnings);
 */
export function buildSavQuestions(dict: SavDictionary, profile: DatasetProfile, setAnswered: SetAnswered, warnings: ImportIssue[]): Question[] {
  const ids = new IdAllocator();
  const inSet = new Map<number, SavMrSet>();
  for (const set of dict.mrsets) {
    if (set.kind === "D" && set.variables.every((i) => !inSet.has(i))) for (const i of set.variables) inSet.set(i, set);
    else if (set.kind === "C") {
      const message = `multiple response set $${set.name} is a category set: its variables are kept as separate questions`;
      warnings.push({ code: "mrset-category", message });
    }
  }
  const out: Question[] = [];
  for (const v of dict.variables) {
    const set = inSet.get(v.index);
    if (!set) out.push(variableQuestion(v, dict, profile, ids.take(v.name), warnings));
    else if (set.variables[0] === v.index) out.push(dichotomyQuestion(set, dict, profile, ids.take(set.name), setAnswered.get(set) ?? 0));
  }
  return out;
}
