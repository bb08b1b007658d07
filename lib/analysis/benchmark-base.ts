/**
 * Who was asked: a published figure's base ("Organisations that have already shipped an AI agent")
 * against the base of our estimate (the question's "asked of …" note, the filters and the column
 * read), so a comparison of a subgroup with everyone is flagged before anyone reads a p-value.
 */
import { contentWords } from "./text-match";

export type BaseScope = "all" | "subgroup";

/** Base words that say nothing about which group it is. */
const GENERIC = new Set(
  "ai agent already senior decision maker leader executive professional it security country sample size stated unclear probably likely base release wording whole survey respondent people questioned".split(" "),
);

/**
 * A figure's label split into its wording and the base it names ("… among those who shipped"):
 * the base part joins the published base.
 * @example splitDefinition("Rollback rate among organisations with fully mature guardrails", "Organisations").wording // "Rollback rate"
 */
export function splitDefinition(label: string, base: string): { wording: string; base: string } {
  const m = /\(?\bamong\b([^)]*)\)?/i.exec(label);
  const wording = (m ? label.slice(0, m.index) + label.slice(m.index + m[0].length) : label).replace(/\([^)]*\)/g, " ").trim();
  return { wording, base: m ? `${base}; ${m[1].trim()}` : base };
}

/**
 * Whether a published base is everyone in the study or a group within it.
 * @example baseScope("All respondents: 2,527 senior decision makers") // "all"
 * @example baseScope("Organisations that have already shipped an AI agent") // "subgroup"
 */
export function baseScope(base: string): BaseScope {
  const b = base.trim();
  if (/^(all\b|whole sample|per organisation|sample not|analyst prediction|gartner poll|varies by report|\d)/i.test(b)) return "all";
  if (/^(organisations|respondents)\s*(\(|$)/i.test(b)) return "all";
  if (/^[A-Z][\w ]*customers\b/.test(b)) return "all";
  return "subgroup";
}

/** Our estimate's base, described in words. */
export interface OwnBase {
  /** the outcome question's wording (its "(asked of …)" note is its base) */
  questionLabel: string;
  /** filters applied: question label → answers kept */
  filters: { question: string; values: string[] }[];
  /** the column read: null for Total */
  column: { question: string; level: string } | null;
}

const askedOf = (label: string) => /\(asked of ([^)]*)\)/i.exec(label)?.[1] ?? null;

/** "those live in production; Status: Live in production; Guardrail maturity: Fully mature" or "all respondents". */
export function describeOwnBase(own: OwnBase): string {
  const parts = [askedOf(own.questionLabel), ...own.filters.map((f) => `${f.question}: ${f.values.join(", ")}`), own.column ? `${own.column.question}: ${own.column.level}` : null].filter(
    (x): x is string => Boolean(x),
  );
  return parts.length ? parts.join("; ") : "all respondents";
}

export const ownScope = (own: OwnBase): BaseScope => (askedOf(own.questionLabel) || own.filters.length || own.column ? "subgroup" : "all");

/** Share of the published base's distinctive words found in our base (1 when it names nothing distinctive). */
export function baseOverlap(published: string, own: OwnBase): number {
  const theirs = contentWords(published.replace(/\([^)]*\)/g, " ")).filter((w) => !GENERIC.has(w));
  if (!theirs.length) return 1;
  // in a base, being live or in production is having shipped / deployed
  const ours = new Set(contentWords([askedOf(own.questionLabel) ?? "", ...own.filters.flatMap((f) => [f.question, ...f.values]), own.column ? `${own.column.question} ${own.column.level}` : ""].join(" ")).flatMap((w) => (w === "live" || w === "production" ? [w, "deploy"] : [w])));
  return theirs.filter((w) => ours.has(w)).length / theirs.length;
}

/**
 * The base mismatch in words, or null when both are everyone or the groups look alike.
 *
 * @example
 * baseMismatch("Organisations that have already shipped an AI agent", { questionLabel: "Department", filters: [], column: null })
 * // "Different base: the published figure is among organisations that have already shipped an AI agent; your estimate is among all respondents."
 */
export function baseMismatch(publishedBase: string, own: OwnBase): string | null {
  const theirs = baseScope(publishedBase);
  const ours = ownScope(own);
  const shortBase = publishedBase.replace(/\s*\([^)]*\)/g, "").trim();
  const lower = shortBase.charAt(0).toLowerCase() + shortBase.slice(1);
  const desc = describeOwnBase(own);
  if (theirs === "all" && ours === "all") return null;
  if (theirs === "all") return `Different base: the published figure is among everyone in its study (${lower}); your estimate is among a group only (${desc}).`;
  if (ours === "all") return `Different base: the published figure is among ${lower}; your estimate is among all respondents. Filter to the same group or read the matching column.`;
  if (baseOverlap(publishedBase, own) < 0.34) return `Bases may differ: the published figure is among ${lower}; your estimate is among ${desc}.`;
  return null;
}
