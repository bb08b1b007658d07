import { z } from "zod";
import { benchmarkCompareResultSchema, benchmarkTierSchema, benchmarkUnitSchema } from "@/lib/schema/benchmark";
import { compareDatasetToBenchmark } from "@/lib/services/benchmark-compare";
import { loadBenchmarks } from "@/lib/services/load-benchmarks";
import { compareInput, noArgs } from "../inputs";
import { defineAnalysisTool, defineTool } from "../tool";

const figureOut = z.object({
  id: z.string(),
  publisher: z.string(),
  study: z.string(),
  label: z.string(),
  value: z.number(),
  unit: benchmarkUnitSchema,
  base: z.string(),
  n: z.number().int().nullable(),
  tier: benchmarkTierSchema,
  caveat: z.string(),
  source: z.object({ title: z.string(), url: z.string() }),
});

/** The curated published figures (our own file, not survey data): provenance, base and caveat on each. */
export const listBenchmarksTool = defineTool({
  name: "list_benchmarks",
  title: "List benchmarks",
  description: "Published industry figures with their publisher, base (who was asked), n when published, evidence tier, source and caveat. Figures with unit share can be compared with compare_to_benchmark.",
  input: noArgs,
  output: z.object({ version: z.string(), figures: z.array(figureOut) }),
  analysis: false,
  async run() {
    const b = loadBenchmarks();
    return {
      version: b.version,
      figures: b.figures.map((f) => ({ id: f.id, publisher: f.publisher, study: f.study, label: f.label, value: f.value, unit: f.unit, base: f.base, n: f.n, tier: f.tier, caveat: f.caveat, source: f.source })),
    };
  },
  render(out) {
    const lines = out.figures.map((f) => `- ${f.id}: ${f.publisher}, ${f.label}: ${f.unit === "share" ? `${Math.round(f.value * 1000) / 10}%` : `${f.value} ${f.unit}`} (base: ${f.base}; n ${f.n ?? "not published"}; tier ${f.tier}). Caveat: ${f.caveat}`);
    return `${out.figures.length} curated published figures (version ${out.version}):\n${lines.join("\n")}`;
  },
});

/** One published share against the same share in a dataset (the API's protected comparison). */
export const compareToBenchmarkTool = defineAnalysisTool({
  name: "compare_to_benchmark",
  title: "Compare to a benchmark",
  description:
    "Test one published share (list_benchmarks, unit share) against the same share in a dataset, read from the Total or one segment level of a breakdown: both margins of error, the difference with its interval, z and p. The question must measure what the figure defines: a mean against a share is refused, a question whose wording hardly matches is refused unless acknowledgeMismatch is true (the closest questions are named), and a different base (everyone vs a group) is a warning in match.warnings. A column hidden by small-cell protection is refused.",
  input: compareInput,
  answer: benchmarkCompareResultSchema,
  async run(ctx, args) {
    const { dataset: _d, benchmarkId, column, acknowledgeMismatch, ...spec } = args;
    const answer = await compareDatasetToBenchmark(ctx.store, ctx.dataset!, { benchmarkId, column, spec, acknowledgeMismatch }, ctx.viewer);
    const c = answer.comparison;
    return {
      answer,
      notes: {
        base: `our n = ${c.own.n ?? "n/a"} (${answer.column}); published n = ${c.published.n ?? "not published"}`,
        interval: `${Math.round(c.conf_level * 100)}% intervals: margins of error of both shares and the interval of their difference`,
        weighting: answer.weighted ? `our share weighted by ${answer.spec.weight} (design-based SE)` : "our share unweighted",
        // what differs from the figure's definition comes first, so it is quoted with the numbers
        caveats: [
          ...answer.match.warnings.map((w) => `NOT LIKE-FOR-LIKE: ${w}`),
          `Definition check: wording match ${answer.match.score === null ? "n/a" : `${Math.round(answer.match.score * 100)}%`} (${answer.match.strength}); published base: ${answer.match.bases.published}; ours: ${answer.match.bases.own}.`,
          ...answer.caveats,
        ],
      },
    };
  },
  render({ answer, notes }) {
    const c = answer.comparison;
    const p = (x: number | null) => (x === null ? "n/a" : `${Math.round(x * 1000) / 10}%`);
    return [
      `${answer.benchmark.publisher}: ${answer.benchmark.label} = ${p(c.published.p)} (±${p(c.published.moe)}) vs ${answer.dataset.id} column ${JSON.stringify(answer.column.replace(/`/g, "\u02CB"))} = ${p(c.own.p)} (±${p(c.own.moe)}).`,
      `Difference ${p(c.difference)} [${p(c.ci_difference?.[0] ?? null)}, ${p(c.ci_difference?.[1] ?? null)}], z ${c.z === null ? "n/a" : c.z.toFixed(2)}, p ${c.p_value === null ? "n/a" : c.p_value.toPrecision(2)}.`,
      `${notes.base}. ${notes.weighting}. ${notes.interval}.`,
      `Caveats: ${notes.caveats.join(" ")}`,
    ].join("\n");
  },
});
