import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { benchmarkCompareRequestSchema, benchmarkDatasetSchema, benchmarkTopicSchema } from "./benchmark";

const DIR = join(process.cwd(), "data", "benchmarks");

describe("benchmark dataset files", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));

  test("there is at least one curated file", () => expect(files.length).toBeGreaterThan(0));

  test.each(files)("%s validates, with a version, a date and every figure fully sourced", (file) => {
    const data = benchmarkDatasetSchema.parse(JSON.parse(readFileSync(join(DIR, file), "utf8")));
    expect(data.version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const f of data.figures) {
      expect(benchmarkTopicSchema.options, f.id).toContain(f.topic);
      expect(f.source.url, f.id).toMatch(/^https:\/\//);
      expect(f.caveat.length, f.id).toBeGreaterThan(10);
      expect(f.n === null || (Number.isInteger(f.n) && f.n > 0), f.id).toBe(true);
    }
  });

  test("the schema refuses a share above 1 and a duplicate id", () => {
    const fig = { id: "x-y", study: "s", publisher: "p", topic: "rollback", label: "l", value: 0.5, unit: "share", base: "b", n: null, date: "2026", source: { title: "t", url: "https://e.example" }, tier: "S", singleSource: true, caveat: "c" };
    expect(benchmarkDatasetSchema.safeParse({ version: "1.0.0", updated: "2026-01-01", figures: [{ ...fig, value: 1.5 }] }).success).toBe(false);
    expect(benchmarkDatasetSchema.safeParse({ version: "1.0.0", updated: "2026-01-01", figures: [fig, fig] }).success).toBe(false);
    expect(benchmarkDatasetSchema.safeParse({ version: "1.0.0", updated: "2026-01-01", figures: [fig] }).success).toBe(true);
  });
});

describe("benchmarkCompareRequestSchema", () => {
  test("defaults the column to Total, filters to none and the level to 95%", () => {
    const r = benchmarkCompareRequestSchema.parse({ benchmarkId: "b", spec: { outcome: "rolled_back", outcome_category: "Yes", segment: "country" } });
    expect(r.column).toBe("Total");
    expect(r.spec.filters).toEqual({});
    expect(r.spec.conf_level).toBe(0.95);
  });

  test("needs an answer to count", () => {
    expect(benchmarkCompareRequestSchema.safeParse({ benchmarkId: "b", spec: { outcome: "rolled_back", segment: "country" } }).success).toBe(false);
  });
});
