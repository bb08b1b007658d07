import { z } from "zod";
import type { BannerResult } from "@/lib/schema/banner";
import type { ProtectedCrosstabResponse } from "@/lib/schema/crosstab-protected";
import type { WeightUsed } from "@/lib/schema/crosstab-spec";
import { dataBlock } from "./untrusted";

/**
 * What every numeric answer carries so an agent can quote it honestly: its base, its interval, its
 * weighting and its caveats (small-cell protection, low bases, synthetic data, refusals).
 */
export const numericNotesSchema = z.object({
  base: z.string(),
  interval: z.string(),
  weighting: z.string(),
  caveats: z.array(z.string()),
});
export type NumericNotes = z.infer<typeof numericNotesSchema>;

/** The output of an analysis tool: the API's answer and the notes to quote it by. */
export function answerWithNotes<A extends z.ZodType>(answer: A) {
  return z.object({ answer, notes: numericNotesSchema });
}

/**
 * An analysis answer as text: "<title> (<what>; <weighting>). <base>. <interval>.", the answer's
 * lines as a data block (untrusted text quoted), then the caveats.
 */
export function renderWithNotes(title: string, what: string, notes: NumericNotes, lines: string[]): string {
  return `${title} (${what}; ${notes.weighting}). ${notes.base}. ${notes.interval}.\n${dataBlock(lines)}\nCaveats: ${notes.caveats.join(" ")}`;
}

/** The caveat of every answer over a synthetic (demo) dataset. */
export const SYNTHETIC_CAVEAT = "Synthetic demo data: the respondents were generated to resemble published figures.";

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const round = (x: number | null | undefined) => (x === null || x === undefined ? "n/a" : String(Math.round(x * 10) / 10));

/** Caveats every aggregate-only answer shares. */
export function protectionCaveat(k: number): string {
  return `Small-cell protection: cells with fewer than ${k} respondents show "< ${k}" and their numbers are null; "—" hides a cell only to protect a small one. Never estimate a hidden number.`;
}

/**
 * Notes of a protected crosstab answer.
 * @example crosstabNotes(answer, { synthetic: true, minBase: 30 }).base // "Total n = 1567 respondents (weighted n 1602.3, Kish effective n 1410.2)"
 */
export function crosstabNotes(a: ProtectedCrosstabResponse, opts: { synthetic: boolean; minBase: number }): NumericNotes {
  const t = a.total;
  const base = t.suppressed || t.n === null ? `Total hidden (${t.display ?? "suppressed"})` : `Total n = ${t.n} respondents (weighted n ${round(t.weighted_n)}, Kish effective n ${round(t.n_eff_kish)})`;
  const weighted = Boolean(a.spec.weight);
  const interval =
    a.statistic === "proportion"
      ? `${pct(a.conf_level)} confidence intervals: ${weighted ? "design-based (svyciprop logit, Kish effective base)" : "Wilson score"} in each block's ${weighted ? "weighted" : "unweighted"}.ci`
      : `${pct(a.conf_level)} confidence intervals: t interval of the ${weighted ? "design-based weighted" : "unweighted"} mean in each block's ${weighted ? "weighted" : "unweighted"}.ci.t`;
  const caveats = [protectionCaveat(a.disclosure.k)];
  if (a.disclosure.suppressedSegments.length > 0) caveats.push(`${a.disclosure.suppressedSegments.length} segment(s) hidden by small-cell protection.`);
  const low = a.segments.filter((s) => s.n !== null && s.n < opts.minBase).length;
  if (low > 0) caveats.push(`${low} segment(s) have fewer than ${opts.minBase} respondents: treat their estimates as indicative.`);
  if (Object.keys(a.spec.filters).length > 0) caveats.push(`Filtered population: ${Object.keys(a.spec.filters).join(", ")}.`);
  if (opts.synthetic) caveats.push(SYNTHETIC_CAVEAT);
  for (const n of a.notes ?? []) caveats.push(n);
  return { base, interval, weighting: weightingText(a.weighting), caveats };
}

/**
 * The weighting line: which weight was used and why.
 * @example weightingText({ weight: "wt", source: "default" }) // "weighted by wt (the dataset's default weight)"
 */
export function weightingText(w: WeightUsed): string {
  if (w.weight) return `weighted by ${w.weight}${w.source === "default" ? " (the dataset's default weight)" : ""}`;
  return w.source === "unweighted" ? "unweighted (the dataset's default weight switched off)" : "unweighted";
}

/**
 * Notes of a protected banner.
 * @example bannerNotes(banner, { synthetic: false }).weighting // "weighted by weight"
 */
export function bannerNotes(b: BannerResult, opts: { synthetic: boolean }): NumericNotes {
  const total = b.columns.find((c) => c.segment === null);
  const base = total && total.n !== null ? `Total n = ${total.n} respondents; each column's n, weighted n and effective n are in columns[]` : "Total hidden by small-cell protection";
  const caveats = [protectionCaveat(b.disclosure.k)];
  if (b.disclosure.suppressedCells > 0) caveats.push(`${b.disclosure.suppressedCells} cell(s) hidden by small-cell protection.`);
  if (b.columns.some((c) => c.lowBase)) caveats.push("Columns flagged lowBase have a small effective base: treat their estimates as indicative.");
  if (b.sig !== "none") caveats.push(`Letters mark significant differences within a column group (${b.sig} correction).`);
  if (opts.synthetic) caveats.push(SYNTHETIC_CAVEAT);
  caveats.push(...b.notes);
  return {
    base,
    interval: `${pct(b.conf_level)} confidence intervals in each cell's ci`,
    weighting: weightingText(b.weighting),
    caveats,
  };
}
