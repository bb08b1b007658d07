import { bannerResultSchema } from "@/lib/schema/banner";
import { protectedCrosstabResponseSchema, type ProtectedCrosstabResponse } from "@/lib/schema/crosstab-protected";
import { driversResponseSchema } from "@/lib/schema/drivers";
import { getEnv } from "@/lib/schema/env";
import { AppError } from "@/lib/schema/errors";
import { openReleased } from "@/lib/disclosure/gateway";
import { releaseBanner, releaseCrosstab, releaseDrivers } from "@/lib/services/gateway";
import { bannerInput, crosstabInput, driversInput } from "../inputs";
import { bannerNotes, crosstabNotes, protectionCaveat, renderWithNotes, SYNTHETIC_CAVEAT } from "../notes";
import { defineAnalysisTool } from "../tool";
import { quoteUntrusted } from "../untrusted";

/** The API's request body: the arguments without the dataset id. */
function specOf<T extends { dataset: string }>(args: T): Omit<T, "dataset"> {
  const { dataset: _dataset, ...spec } = args;
  return spec;
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? "n/a" : `${Math.round(x * 1000) / 10}%`);
const num = (x: number | null | undefined) => (x === null || x === undefined ? "n/a" : String(Math.round(x * 1000) / 1000));

type Block = ProtectedCrosstabResponse["total"];

/** One block as a line: estimate [interval] n, or the label that hides it. */
function blockLine(a: ProtectedCrosstabResponse, b: Block): string {
  if (b.suppressed || b.n === null) return `hidden (${b.display ?? "suppressed"})`;
  const weighted = Boolean(a.spec.weight);
  if (a.statistic === "proportion") {
    const pb = b as Extract<ProtectedCrosstabResponse, { statistic: "proportion" }>["total"];
    if (pb.count_suppressed) return `hidden (${pb.display ?? "suppressed"}), n ${b.n}`;
    const est = weighted ? pb.weighted : pb.unweighted;
    const ci = weighted ? pb.weighted?.ci.svyciprop_logit : pb.unweighted?.ci.wilson;
    return `${pct(est?.p)} [${pct(ci?.[0])}, ${pct(ci?.[1])}], n ${b.n}`;
  }
  const mb = b as Extract<ProtectedCrosstabResponse, { statistic: "mean" }>["total"];
  const est = weighted ? mb.weighted : mb.unweighted;
  return `mean ${num(est?.mean)} [${num(est?.ci.t?.[0])}, ${num(est?.ci.t?.[1])}], n ${b.n}`;
}

export const crosstabTool = defineAnalysisTool({
  name: "crosstab",
  title: "Breakdown (crosstab)",
  description:
    "One outcome broken down by one segment question, with survey statistics: the share of outcome_category (or the mean) in the Total and in each segment level, n, weighted and effective bases, confidence intervals, pairwise tests and a chi-square test. Small cells are hidden; a result that differs from one this agent already saw by fewer than k respondents is refused.",
  input: crosstabInput,
  answer: protectedCrosstabResponseSchema,
  async run(ctx, args) {
    // the API's release: small cells, the differencing guard, and the aggregate rules (magnitude, chi-square beside hidden cells)
    const answer = openReleased(await releaseCrosstab(ctx.store, ctx.dataset!, specOf(args), ctx.viewer));
    return { answer, notes: crosstabNotes(protectedCrosstabResponseSchema.parse(answer), { synthetic: ctx.dataset!.synthetic, minBase: getEnv().MIN_EFFECTIVE_BASE }) };
  },
  render({ answer, notes }) {
    const what = answer.statistic === "proportion" ? `share of ${JSON.stringify(answer.spec.outcome_category)}` : "mean";
    const lines = [`Total: ${blockLine(answer, answer.total)}`, ...answer.segments.map((s) => `${quoteUntrusted(s.segment)}: ${blockLine(answer, s)}`)];
    return renderWithNotes(`${answer.spec.outcome} by ${answer.spec.segment}`, what, notes, lines);
  },
});

export const bannerTool = defineAnalysisTool({
  name: "banner",
  title: "Banner table",
  description:
    "Every answer of one outcome question (rows) by the Total and up to four segment questions (column groups), each cell with its share or mean, interval and significance letters within its group. Same small-cell protection and differencing guard as crosstab.",
  input: bannerInput,
  answer: bannerResultSchema,
  async run(ctx, args) {
    const answer = openReleased(await releaseBanner(ctx.store, ctx.dataset!, specOf(args), ctx.viewer));
    return { answer, notes: bannerNotes(answer, { synthetic: ctx.dataset!.synthetic }) };
  },
  render({ answer, notes }) {
    const cols = answer.columns;
    const lines = [`columns: ${cols.map((c) => `${c.letter || "Total"}=${quoteUntrusted(c.label)} (n ${c.n ?? c.hidden ?? "hidden"})`).join("; ")}`];
    for (const r of answer.rows) {
      const cells = r.cells.map((c) => (c.hidden ? c.hidden : answer.statistic === "proportion" ? `${pct(c.value)}${c.letters ? ` ${c.letters}` : ""}` : `${num(c.value)}${c.letters ? ` ${c.letters}` : ""}`));
      lines.push(`${quoteUntrusted(r.label)}: ${cells.join(" | ")}`);
    }
    return renderWithNotes(`${answer.outcome.id} banner`, answer.statistic, notes, lines);
  },
});

export const keyDriversTool = defineAnalysisTool({
  name: "key_drivers",
  title: "Key drivers",
  description:
    "Survey-weighted regression (svyglm; LMG importance for a linear model, Firth under separation) of an outcome on predictor questions, each predictor ranked by its strongest term, with odds ratios and confidence intervals.",
  input: driversInput,
  answer: driversResponseSchema,
  async run(ctx, args) {
    const dataset = ctx.dataset!;
    // the same release as the API's (the gateway's model rules for an aggregate-only audience)
    const answer = (await releaseDrivers(ctx.store, dataset, specOf(args), ctx.viewer)).body;
    // and, for agents, no model of a population too small to hide individuals in (no count named)
    if (answer.n < Math.max(getEnv().MIN_EFFECTIVE_BASE, getEnv().DISCLOSURE_K)) {
      throw new AppError("forbidden", "disclosure: the modelled population is too small to release to an aggregate-only audience; widen the filters");
    }
    const caveats = [
      "Associations, not causes: coefficients are adjusted for the other predictors only.",
      protectionCaveat(getEnv().DISCLOSURE_K),
      ...answer.warnings.map((w) => w.message),
      ...(dataset.synthetic ? [SYNTHETIC_CAVEAT] : []),
    ];
    return {
      answer,
      notes: {
        base: `n = ${answer.n} respondents analysed (rows with every model variable answered)`,
        interval: `${Math.round((args.conf_level ?? 0.95) * 100)}% confidence intervals of each term (ci), ${answer.statistic} tests on the design's degrees of freedom`,
        weighting: args.weight ? `weighted by ${args.weight} (design-based standard errors)` : "unweighted",
        caveats,
      },
    };
  },
  render({ answer, notes }) {
    const lines = answer.drivers.map(
      (d) => `${d.predictor} ${quoteUntrusted(d.label)}: strongest term ${quoteUntrusted(d.top_term)}, ${answer.model === "logistic" ? `odds ratio ${num(d.odds_ratio)}` : `estimate`} [${num(d.ci[0])}, ${num(d.ci[1])}], min p ${num(d.min_p)}`,
    );
    return renderWithNotes(`Key drivers in ${answer.dataset.id}`, `${answer.model}, ${answer.method}`, notes, lines);
  },
});
