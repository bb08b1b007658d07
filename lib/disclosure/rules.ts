/**
 * Disclosure rules: the settings (`DisclosureRules`, zod schema in `lib/schema/disclosure.ts`)
 * and the one predicate every suppression decision goes through.
 */
import {
  DEFAULT_DISCLOSURE_K,
  disclosureRulesSchema,
  type DisclosureRules,
  type DisclosureRulesInput,
} from "@/lib/schema/disclosure";

export type { DisclosureRules, DisclosureRulesInput, DisclosureRole } from "@/lib/schema/disclosure";

/** k = 5, not sensitive, viewer. */
export const DEFAULT_DISCLOSURE_RULES: DisclosureRules = Object.freeze({ k: DEFAULT_DISCLOSURE_K, sensitive: false, role: "viewer" });

/**
 * Validate and default disclosure settings (throws a ZodError with "k: must be at least 3" etc.).
 * @example resolveDisclosureRules({ k: 10, sensitive: true }) // { k: 10, sensitive: true, role: "viewer" }
 */
export function resolveDisclosureRules(input: DisclosureRulesInput = {}): DisclosureRules {
  return disclosureRulesSchema.parse(input);
}

/**
 * Whether a respondent count must not be shown: 1..k−1, and also 0 when the breakdown is
 * sensitive (so a zero looks the same as a small cell).
 * @example isSmallCount(0, { k: 5, sensitive: false }) // false
 * @example isSmallCount(0, { k: 5, sensitive: true }) // true
 * @example isSmallCount(4, { k: 5, sensitive: false }) // true
 */
export function isSmallCount(n: number, rules: Pick<DisclosureRules, "k" | "sensitive">): boolean {
  return n < rules.k && (n > 0 || rules.sensitive);
}

/**
 * Whether two released respondent counts of nested groups differ by a disclosive amount (1..k−1).
 * @example isDisclosiveDifference(6, 5, 5) // true
 */
export function isDisclosiveDifference(a: number, b: number, k: number): boolean {
  const d = Math.abs(a - b);
  return d >= 1 && d < k;
}

/**
 * The display hint of a value hidden because it is small (fewer than k respondents).
 * @example suppressedLabel(5) // "< 5"
 */
export function suppressedLabel(k: number): string {
  return `< ${k}`;
}

/**
 * The display hint of a category count hidden because its rest (n − count) is small: all but
 * fewer than k respondents gave this answer.
 * @example restSmallLabel(5) // "all but < 5"
 */
export function restSmallLabel(k: number): string {
  return `all but < ${k}`;
}

/**
 * The display of a weighted cell hidden by the magnitude rule on the effective base: its n is not
 * small, but its weights leave fewer than k effective respondents.
 * @example lowEffectiveBaseLabel(5) // "eff. n < 5"
 */
export function lowEffectiveBaseLabel(k: number): string {
  return `eff. n < ${k}`;
}

/**
 * The display of an estimate hidden by a magnitude rule: one or two respondents carry most of the
 * cell's values or weights, so the estimate would be close to their answer.
 * @example dominanceLabel() // "dominated"
 */
export function dominanceLabel(): string {
  return "dominated";
}

/** The short display of a cell hidden only to protect another (a complement): never a count. */
export const COMPLEMENT_LABEL = "—";

/** What a complement's short display means, for tooltips and footnotes. */
export const COMPLEMENT_NOTE = "hidden to protect a small cell";

/**
 * A tooltip for a hidden cell's display ("< k", "all but < k" or "—").
 * @example hiddenTitle("—") // "Hidden to protect a small cell (it would reveal one from the totals)"
 * @example hiddenTitle("< 5") // "Hidden: fewer than 5 respondents"
 */
export function hiddenTitle(display: string): string {
  if (display === COMPLEMENT_LABEL) return "Hidden to protect a small cell (it would reveal one from the totals)";
  if (display === dominanceLabel()) return "Hidden: one or two respondents carry most of this cell's values or weights (magnitude rule)";
  const eff = /^eff\. n < (\d+)$/.exec(display);
  if (eff) return `Hidden: the weights leave fewer than ${eff[1]} effective respondents (the estimate would be one person's answer)`;
  const rest = /^all but < (\d+)$/.exec(display);
  if (rest) return `Hidden: all but fewer than ${rest[1]} respondents gave this answer`;
  const small = /^< (\d+)$/.exec(display);
  return small ? `Hidden: fewer than ${small[1]} respondents` : "Hidden";
}

/**
 * Footnotes, one per kind of hidden cell present, for tables and exports.
 * @example hiddenFootnotes(["< 5", "—", null]) // ["< 5: fewer than 5 respondents, hidden.", "—: hidden to protect a small cell (it would reveal one from the totals)."]
 */
export function hiddenFootnotes(displays: readonly (string | null | undefined)[]): string[] {
  const present = [...new Set(displays.filter((d): d is string => typeof d === "string"))];
  const out: string[] = [];
  for (const d of present.filter((x) => /^< \d+$/.test(x))) out.push(`${d}: fewer than ${d.slice(2)} respondents, hidden.`);
  for (const d of present.filter((x) => /^all but < \d+$/.test(x))) out.push(`${d}: all but fewer than ${d.slice(10)} respondents gave this answer, hidden.`);
  for (const d of present.filter((x) => /^eff\. n < \d+$/.test(x))) out.push(`${d}: the weights leave fewer than ${d.slice(9)} effective respondents, hidden.`);
  if (present.includes(dominanceLabel())) out.push(`${dominanceLabel()}: one or two respondents carry most of the cell's values or weights, hidden.`);
  if (present.includes(COMPLEMENT_LABEL)) out.push(`${COMPLEMENT_LABEL}: ${COMPLEMENT_NOTE} (it would reveal one from the totals).`);
  return out;
}
