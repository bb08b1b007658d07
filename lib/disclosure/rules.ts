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
 * The display hint of a suppressed value.
 * @example suppressedLabel(5) // "< 5"
 */
export function suppressedLabel(k: number): string {
  return `< ${k}`;
}
