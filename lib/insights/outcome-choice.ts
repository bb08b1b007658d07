/** Browser-safe helpers for choosing what the insights explain. */
import type { QuestionLite } from "@/lib/analysis/question-roles";

/** What the insights page opens on (null: the dataset has no question to explain). */
export interface InsightsSpecDefaults {
  fromDemo: boolean;
  spec: {
    outcome: string;
    outcome_category: string;
    weight?: string;
    filters: Record<string, string[]>;
    outcome_label?: string;
  } | null;
}

/**
 * Questions whose share can be explained: a single choice or a scale with two or more options
 * (a driver model cannot take a multi-select outcome).
 * @example insightOutcomes([{ id: "q1", label: "Q1", type: "single", options: [{ code: "a", label: "a", count: 1 }, { code: "b", label: "b", count: 2 }] }]).length // 1
 */
export function insightOutcomes(questions: readonly QuestionLite[]): QuestionLite[] {
  return questions.filter((q) => (q.type === "single" || q.type === "ordinal") && q.options.length >= 2);
}

type Option = QuestionLite["options"][number];

const YES = /^(yes|y|true|success(ful)?|completed?|pass(ed)?)$/i;
const POSITIVE = /\b(strongly agree|agree|very satisfied|satisfied|extremely|very likely|likely|excellent|very good|good|always|fully|high|very important|essential|definitely)\b/i;
const NEGATIVE = /\b(disagree|dissatisfied|unsatisfied|unlikely|not at all|poor|never|low|unimportant|definitely not)\b/i;
const NON_ANSWER = /\b(other|don'?t know|not sure|unsure|none|prefer not|n\/a|not applicable|refused)\b/i;

const text = (o: Option) => `${o.label} ${o.code}`;

/**
 * The category a researcher means by "success" for an outcome question: "Yes" (or True)
 * when offered; on a scale the top box — the positive end (the last option unless only the first
 * reads positive); otherwise the most common substantive answer. Never just the first or the
 * rarest option.
 *
 * @example successCategory({ id: "q", label: "Rolled back?", type: "single", options: [{ code: "No", label: "No", count: 9 }, { code: "Yes", label: "Yes", count: 3 }] }) // "Yes"
 */
export function successCategory(q: QuestionLite): string {
  const opts = q.options;
  if (opts.length === 0) return "";
  const yes = opts.find((o) => YES.test(o.label.trim()) || YES.test(o.code.trim()));
  if (yes) return yes.code;
  const substantive = opts.filter((o) => !NON_ANSWER.test(o.label));
  const pool = substantive.length ? substantive : opts;
  if (q.type === "ordinal") {
    const first = pool[0];
    const last = pool[pool.length - 1];
    const firstPositive = POSITIVE.test(text(first)) && !NEGATIVE.test(text(first));
    const lastPositive = POSITIVE.test(text(last)) && !NEGATIVE.test(text(last));
    return firstPositive && !lastPositive ? first.code : last.code;
  }
  return pool.reduce((best, o) => ((o.count ?? -1) > (best.count ?? -1) ? o : best)).code;
}

/**
 * The outcome a drivers page opens on: the first yes/no question, else the first scale, else the
 * first single choice (a question with 2–12 options).
 * @example defaultOutcome(questions)?.id // "rolled_back"
 */
export function defaultOutcome(questions: readonly QuestionLite[]): QuestionLite | undefined {
  const outcomes = insightOutcomes(questions).filter((q) => q.options.length <= 12);
  return (
    outcomes.find((q) => q.options.some((o) => YES.test(o.label.trim()))) ??
    outcomes.find((q) => q.type === "ordinal") ??
    outcomes[0] ??
    insightOutcomes(questions)[0]
  );
}
