import type { Question, StoredColumn } from "@/lib/schema/question";
import type { QuestionOverride } from "@/lib/schema/question-overrides";
import type { BulkRule } from "@/lib/schema/schema-edits";
import { applyOverrides } from "./apply-overrides";
import { isNonSubstantive } from "./non-substantive";

/** The questions bulk rules apply to: one answer per respondent from a list of options. */
const CHOICE = new Set<Question["type"]>(["single", "ordinal"]);

/** The slice of a question a rule reads (counts are not needed: hidden ones may be null). */
type Q = Pick<Question, "id" | "type" | "missingCodes"> & { options: readonly { code: string; label: string }[] };

/** One question's edit made by a rule (always by id). */
export type RuleEdit = QuestionOverride & { id: string };

export interface RuleEdits {
  /** the edits that change something, one per question */
  edits: RuleEdit[];
  /** every question the rule matches (also those it leaves as they are) */
  matched: string[];
}

/**
 * An answer label as an analyst compares it: case, surrounding and repeated spaces, and curly
 * versus straight apostrophes do not matter.
 *
 * @example
 * labelKey("  Don’t  KNOW ") === labelKey("Don't know"); // true
 */
export function labelKey(label: string): string {
  return label.normalize("NFC").trim().toLowerCase().replace(/[\u2018\u2019\u00b4`]/g, "'").replace(/\s+/g, " ");
}

/** The option set of a question, order ignored; null when two options read the same. */
function setKey(labels: string[]): string | null {
  const keys = labels.map(labelKey);
  if (new Set(keys).size !== keys.length) return null;
  return JSON.stringify([...keys].sort());
}

/**
 * "Mark these labels missing in every question": in each single-choice or scale question, the
 * options with one of `labels` become missing codes (the schema edit sets them apart as
 * non-substantive). Questions without such an option are not matched.
 *
 * @example
 * missingLabelEdits(questions, ["Don't know", "Prefer not to say"]).edits[0]; // { id: "q1", missingCodes: ["8", "9"] }
 */
export function missingLabelEdits(questions: readonly Q[], labels: readonly string[]): RuleEdits {
  const wanted = new Set(labels.map(labelKey));
  const edits: RuleEdit[] = [];
  const matched: string[] = [];
  for (const q of questions) {
    if (!CHOICE.has(q.type)) continue;
    const codes = q.options.filter((o) => wanted.has(labelKey(o.label))).map((o) => o.code);
    if (!codes.length) continue;
    matched.push(q.id);
    edits.push({ id: q.id, missingCodes: [...q.missingCodes, ...codes.filter((c) => !q.missingCodes.includes(c))] });
  }
  return { edits, matched };
}

/**
 * "Apply this order to every question with this scale": every single-choice or scale question
 * whose options are exactly `labels` (any order) gets them in the order of `labels`; with
 * `ordinal`, it also becomes an ordered scale.
 *
 * @example
 * scaleOrderEdits(questions, ["Poor", "Fair", "Good"], true).matched; // ["q1", "q4"]
 */
export function scaleOrderEdits(questions: readonly Q[], labels: readonly string[], ordinal = false): RuleEdits {
  const key = setKey([...labels]);
  const edits: RuleEdit[] = [];
  const matched: string[] = [];
  if (key === null) return { edits, matched };
  for (const q of questions) {
    if (!CHOICE.has(q.type) || q.options.length !== labels.length || setKey(q.options.map((o) => o.label)) !== key) continue;
    matched.push(q.id);
    const byLabel = new Map(q.options.map((o) => [labelKey(o.label), o.code]));
    const order = labels.map((l) => byLabel.get(labelKey(l))!);
    const edit: RuleEdit = { id: q.id };
    if (order.some((code, i) => q.options[i].code !== code)) edit.optionOrder = order;
    if (ordinal && q.type !== "ordinal") edit.type = "ordinal";
    if (Object.keys(edit).length > 1) edits.push(edit);
  }
  return { edits, matched };
}

/** The edits one bulk rule makes to `questions`. */
export function ruleEdits(questions: readonly Q[], rule: BulkRule): RuleEdits {
  return rule.kind === "missing-labels" ? missingLabelEdits(questions, rule.labels) : scaleOrderEdits(questions, rule.labels, rule.ordinal);
}

/**
 * Apply bulk rules in order, each to the questions as the ones before left them.
 *
 * @example
 * applyRules(questions, columns, [{ kind: "missing-labels", labels: ["Don't know"] }]).edits.length; // 3
 */
export function applyRules(questions: Question[], columns: StoredColumn[], rules: readonly BulkRule[]): { questions: Question[]; edits: RuleEdit[] } {
  let current = questions;
  const all: RuleEdit[] = [];
  for (const rule of rules) {
    const { edits } = ruleEdits(current, rule);
    current = applyOverrides(current, columns, { questions: edits });
    all.push(...edits);
  }
  return { questions: current, edits: all };
}

export interface LabelCandidate {
  /** the label as first seen */
  label: string;
  /** single-choice and scale questions that have it as a counted answer */
  questions: number;
  /** reads like "Don't know", "Prefer not to say", "N/A" (lib/ingest/non-substantive.ts) */
  suggested: boolean;
}

/**
 * The answer labels a "mark missing" rule can pick: every counted answer of a single-choice or
 * scale question, the ones that read as non-substantive first, then by how many questions have
 * them.
 *
 * @example
 * labelCandidates(questions)[0]; // { label: "Don't know", questions: 12, suggested: true }
 */
export function labelCandidates(questions: readonly Q[]): LabelCandidate[] {
  const byKey = new Map<string, LabelCandidate>();
  for (const q of questions) {
    if (!CHOICE.has(q.type)) continue;
    for (const key of new Set(q.options.map((o) => labelKey(o.label)))) {
      const label = q.options.find((o) => labelKey(o.label) === key)!.label;
      const c = byKey.get(key) ?? { label, questions: 0, suggested: isNonSubstantive(label) };
      c.questions++;
      byKey.set(key, c);
    }
  }
  return [...byKey.values()].sort((a, b) => Number(b.suggested) - Number(a.suggested) || b.questions - a.questions || a.label.localeCompare(b.label));
}

/**
 * The other single-choice and scale questions with the same answers as `q` (same labels, any
 * order): the ones a "scale-order" rule from `q` would match.
 *
 * @example
 * sameScale(questions, q1); // ["q2", "q5"]
 */
export function sameScale(questions: readonly Q[], q: Q): string[] {
  if (!CHOICE.has(q.type) || q.options.length < 2) return [];
  return scaleOrderEdits(questions, q.options.map((o) => o.label)).matched.filter((id) => id !== q.id);
}
