import { z } from "zod";
import { demoFilterSchema } from "./demo-manifest";

/** Benchmark page topic cards. */
export const benchmarkTopicSchema = z.enum(["production", "rollback", "guardrails", "identity-access", "investment", "infrastructure", "sample"]);
export type BenchmarkTopic = z.infer<typeof benchmarkTopicSchema>;

/**
 * How directly the figure was seen (research/benchmarks.md): P = the publisher's own page or
 * release; Pq = a release line quoted word for word by a third party; S = a secondary article;
 * G = a third-party note in a public GitHub repo; B = only in the brief, not found in sources.
 */
export const benchmarkTierSchema = z.enum(["P", "Pq", "S", "G", "B"]);
export type BenchmarkTier = z.infer<typeof benchmarkTierSchema>;

/** share: 0–1 proportion; correlation: −1…1; count: a plain number; hours/days/usd: a mean or total. */
export const benchmarkUnitSchema = z.enum(["share", "count", "correlation", "hours", "days", "usd"]);
export type BenchmarkUnit = z.infer<typeof benchmarkUnitSchema>;

/** Calendar date at the precision known: "2026", "2026-05" or "2026-05-13". */
const partialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD");

/**
 * Where a demo dataset measures the same thing: the share choosing `outcome_category` of `outcome`
 * (a NET when it is a list, e.g. top-2 box), optionally in one segment level, within `filters`.
 * No `outcome_category` means the figure is the mean of a numeric column.
 */
export const benchmarkDemoMatchSchema = z
  .object({
    /** demo dataset id in data/demo/manifest.json */
    dataset: z.string().min(1),
    /** column of the demo CSV */
    outcome: z.string().min(1),
    outcome_category: z.union([z.string().min(1), z.array(z.string().min(1)).min(2)]).optional(),
    segment: z.string().min(1).optional(),
    segment_level: z.string().min(1).optional(),
    filters: z.array(demoFilterSchema).optional(),
  })
  .refine((m) => (m.segment === undefined) === (m.segment_level === undefined), { message: "segment and segment_level go together" });
export type BenchmarkDemoMatch = z.infer<typeof benchmarkDemoMatchSchema>;

/** What a series of figures varies by. */
export const benchmarkSeriesDimensionSchema = z.enum(["country", "industry", "year", "cohort", "category"]);
export type BenchmarkSeriesDimension = z.infer<typeof benchmarkSeriesDimensionSchema>;

/** The figure's place in a curated series (one study, one measure across countries, industries, cohorts, years or answers). */
export const benchmarkSeriesRefSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(1),
  dimension: benchmarkSeriesDimensionSchema,
  /** this figure's bar label, e.g. "Brazil" */
  level: z.string().min(1),
  /** position in the series, from 0 */
  order: z.number().int().nonnegative(),
});
export type BenchmarkSeriesRef = z.infer<typeof benchmarkSeriesRefSchema>;

/** One published figure with its provenance and caveats. */
export const benchmarkFigureSchema = z
  .object({
    /** kebab-case, stable: `<publisher>-<what>` */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    study: z.string().min(1),
    publisher: z.string().min(1),
    topic: benchmarkTopicSchema,
    label: z.string().min(1),
    value: z.number().finite(),
    unit: benchmarkUnitSchema,
    /** who was asked (the denominator), in words */
    base: z.string().min(1),
    /** respondents in the base, or null when not published */
    n: z.number().int().positive().nullable(),
    /** publication date (or fieldwork end when that is all that is known); null when not seen */
    date: partialDate.nullable(),
    source: z.object({ title: z.string().min(1), url: z.url() }),
    tier: benchmarkTierSchema,
    /** seen in only one secondary (S or G) source: caption as "reported by …" */
    singleSource: z.boolean(),
    /** always present: conflicts, ambiguous bases, self-ratings, projections */
    caveat: z.string().min(1),
    demoMatch: benchmarkDemoMatchSchema.optional(),
    series: benchmarkSeriesRefSchema.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.unit === "share" && (f.value < 0 || f.value > 1)) ctx.addIssue({ code: "custom", message: `share out of 0–1: ${f.value}`, path: ["value"] });
    if (f.unit === "correlation" && Math.abs(f.value) > 1) ctx.addIssue({ code: "custom", message: `correlation out of −1…1: ${f.value}`, path: ["value"] });
  });
export type BenchmarkFigure = z.infer<typeof benchmarkFigureSchema>;

/** `data/benchmarks/benchmarks.json`: the versioned, curated published figures. */
export const benchmarkDatasetSchema = z
  .object({
    /** semantic version of the curated set */
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** YYYY-MM-DD of the last curation */
    updated: z.iso.date(),
    figures: z.array(benchmarkFigureSchema).min(1),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.figures.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: "custom", message: `duplicate figure id: ${f.id}`, path: ["figures", i, "id"] });
      seen.add(f.id);
    });
  });
export type BenchmarkDataset = z.infer<typeof benchmarkDatasetSchema>;

/**
 * `POST /api/datasets/{id}/benchmark-compare`: one published share against the same share in a
 * dataset, read from the "Total" column or one segment level of a breakdown.
 *
 * @example
 * benchmarkCompareRequestSchema.parse({ benchmarkId: "sinch-rollback-fully-mature", column: "Fully mature",
 *   spec: { outcome: "rolled_back", outcome_category: "Yes", segment: "guardrail_maturity", weight: "weight" } })
 */
export const benchmarkCompareRequestSchema = z.object({
  benchmarkId: z.string().min(1).max(200),
  spec: z.object({
    outcome: z.string().min(1),
    outcome_category: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    segment: z.string().min(1),
    weight: z.string().min(1).optional(),
    filters: z.record(z.string(), z.array(z.string())).default({}),
    conf_level: z.number().gt(0).lt(1).default(0.95),
  }),
  /** "Total" or a segment level */
  column: z.string().min(1).default("Total"),
  /** compare even though the question's wording hardly matches the figure's definition (the warning stays on the answer) */
  acknowledgeMismatch: z.boolean().default(false),
});
export type BenchmarkCompareRequest = z.infer<typeof benchmarkCompareRequestSchema>;

/** The definition check of a comparison: wording similarity, kinds, bases and the warnings shown with the result. */
export const benchmarkMatchSchema = z.object({
  /** wording similarity of question + answer with the figure's definition, 0–1 */
  score: z.number().nullable(),
  strength: z.enum(["strong", "possible", "weak"]),
  figure_kind: z.enum(["share", "mean"]).nullable(),
  own_kind: z.enum(["share", "mean"]),
  bases: z.object({ published: z.string(), own: z.string() }),
  warnings: z.array(z.string()),
});

const side = z.object({ p: z.number().nullable(), se: z.number().nullable(), n: z.number().nullable(), moe: z.number().nullable(), ci: z.tuple([z.number(), z.number()]).nullable() });

/** The answer: both estimates with their margins, the difference, its interval and the z test. */
export const benchmarkCompareResultSchema = z.object({
  benchmark: z.object({ id: z.string(), publisher: z.string(), label: z.string(), base: z.string(), caveat: z.string(), source: z.object({ title: z.string(), url: z.string() }), tier: benchmarkTierSchema }),
  dataset: z.object({ id: z.string(), name: z.string(), version: z.number(), synthetic: z.boolean() }),
  /** the breakdown the estimate was read from, as requested */
  spec: benchmarkCompareRequestSchema.shape.spec,
  column: z.string(),
  weighted: z.boolean(),
  comparison: z.object({
    conf_level: z.number(),
    z_crit: z.number(),
    own: side,
    published: side,
    difference: z.number().nullable(),
    se_difference: z.number().nullable(),
    ci_difference: z.tuple([z.number(), z.number()]).nullable(),
    z: z.number().nullable(),
    p_value: z.number().nullable(),
    note: z.string().nullable(),
  }),
  /** plain-language caveats to show next to the chart */
  caveats: z.array(z.string()),
  /** how well the question matches the figure's definition, and what differs (kind, wording, base) */
  match: benchmarkMatchSchema,
});
export type BenchmarkCompareResult = z.infer<typeof benchmarkCompareResultSchema>;
