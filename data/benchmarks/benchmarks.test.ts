import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { type BenchmarkFigure, benchmarkDatasetSchema, benchmarkTopicSchema } from "@/lib/schema/benchmark";
import { demoManifestSchema } from "@/lib/schema/demo-manifest";
import { questionOverridesSchema } from "@/lib/schema/question-overrides";
import { AI_AGENTS_TARGETS } from "../demo/ai-agents-production/calibration-targets";
import { AI_IDENTITY_MEANS, AI_IDENTITY_TARGETS } from "../demo/ai-agent-identity/calibration-targets";
import { readDemoCsv } from "../demo/lib/read-csv";
import { MULTI_DELIMITER } from "../demo/lib/columns";
import { mean, share } from "../demo/lib/tabulate";
import { benchmarksJson } from "./build-benchmarks";

const here = dirname(fileURLToPath(import.meta.url));
const demoDir = join(here, "../demo");
const text = readFileSync(join(here, "benchmarks.json"), "utf8");
const data = benchmarkDatasetSchema.parse(JSON.parse(text));
const byId = new Map(data.figures.map((f) => [f.id, f]));
const manifest = demoManifestSchema.parse(JSON.parse(readFileSync(join(demoDir, "manifest.json"), "utf8")));
const demos = new Map(
  manifest.datasets.map((d) => {
    const csv = readDemoCsv(join(demoDir, d.file));
    const questions = questionOverridesSchema.parse(JSON.parse(readFileSync(join(demoDir, d.questions), "utf8"))).questions;
    return [d.id, { ...csv, questions }] as const;
  }),
);

describe("data/benchmarks/benchmarks.json", () => {
  test("is the build of data/benchmarks/sources (run npx tsx data/benchmarks/generate.ts after editing)", () => {
    expect(text).toBe(benchmarksJson());
  });

  test("validates, with unique ids, a caveat and a source on every figure", () => {
    expect(byId.size).toBe(data.figures.length);
    for (const f of data.figures) {
      expect(f.caveat.trim().length, f.id).toBeGreaterThan(0);
      expect(f.source.title.length, f.id).toBeGreaterThan(0);
      expect(f.source.url, f.id).toMatch(/^https:\/\//);
    }
  });

  test("every topic has figures, and single-source figures are secondary (S or G)", () => {
    for (const topic of benchmarkTopicSchema.options) expect(data.figures.some((f) => f.topic === topic), topic).toBe(true);
    for (const f of data.figures.filter((x) => x.singleSource)) expect(["S", "G"], f.id).toContain(f.tier);
  });

  test("the published headline figures are present with their values", () => {
    expect(byId.get("sinch-rollback-shipped")?.value).toBe(0.74);
    expect(byId.get("sinch-rollback-fully-mature")?.value).toBe(0.81);
    expect(byId.get("sinch-live-production")?.value).toBe(0.62);
    expect(byId.get("akeyless-suspect-out-of-scope")?.value).toBe(0.67);
    expect(byId.get("sinch-respondents")?.value).toBe(2527);
  });

  test("conflicting reports are both kept and say so", () => {
    for (const id of ["sinch-focus-trust-security", "sinch-focus-trust-security-75", "akeyless-suspect-out-of-scope", "akeyless-suspect-out-of-scope-66", "sinch-rollback-all"]) {
      expect(byId.get(id)?.caveat, id).toMatch(/[Cc]onflict/);
    }
  });

  test("calibration targets and headline reference lines point at real figures", () => {
    const ids = [...AI_AGENTS_TARGETS, ...AI_IDENTITY_TARGETS, ...AI_IDENTITY_MEANS].map((t) => t.benchmark);
    for (const d of manifest.datasets) ids.push(...d.headline.benchmarkIds);
    for (const id of ids) expect(byId.has(id), id).toBe(true);
  });
});

describe("demo matches", () => {
  const matched = data.figures.filter((f): f is BenchmarkFigure & { demoMatch: NonNullable<BenchmarkFigure["demoMatch"]> } => f.demoMatch !== undefined);

  test("there are matches for both demo datasets", () => {
    expect(new Set(matched.map((f) => f.demoMatch.dataset))).toEqual(new Set(manifest.datasets.map((d) => d.id)));
  });

  test.each(matched.map((f) => [f.id, f] as const))("%s names real columns and categories, and the demo lands near it", (_id, f) => {
    const m = f.demoMatch;
    const demo = demos.get(m.dataset);
    if (!demo) throw new Error(`unknown demo dataset: ${m.dataset}`);
    const question = demo.questions.find((q) => q.column === m.outcome);
    expect(demo.header, "outcome column").toContain(m.outcome);
    const multi = question?.type === "multi";
    const values = (col: string, split: boolean) => new Set(demo.rows.flatMap((r) => (r[col] === "" ? [] : split ? r[col].split(MULTI_DELIMITER) : [r[col]])));
    const filter: Record<string, string[]> = {};
    for (const fl of m.filters ?? []) {
      expect(demo.header, "filter column").toContain(fl.column);
      for (const v of fl.values) expect(values(fl.column, false), `filter value ${v}`).toContain(v);
      filter[fl.column] = fl.values;
    }
    if (m.segment !== undefined && m.segment_level !== undefined) {
      expect(demo.header, "segment column").toContain(m.segment);
      expect(values(m.segment, false), "segment level").toContain(m.segment_level);
      filter[m.segment] = [m.segment_level];
    }
    if (m.outcome_category === undefined) {
      expect(question?.type).toBe("numeric");
      const got = mean(demo.rows.filter((r) => Object.entries(filter).every(([c, vs]) => vs.includes(r[c]))), m.outcome);
      expect(Math.abs(got - f.value) / f.value).toBeLessThanOrEqual(0.1);
      return;
    }
    const categories = typeof m.outcome_category === "string" ? [m.outcome_category] : m.outcome_category;
    for (const c of categories) expect(values(m.outcome, multi), `category ${c}`).toContain(c);
    const got = share(demo.rows, m.outcome, categories, { filter, multi });
    expect(Math.abs(got.share - f.value)).toBeLessThanOrEqual(0.05);
  });
});
