import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { demoManifestSchema } from "@/lib/schema/demo-manifest";
import { questionOverridesSchema } from "@/lib/schema/question-overrides";
import { readDemoCsv } from "./lib/read-csv";
import { MULTI_DELIMITER } from "./lib/columns";

const here = dirname(fileURLToPath(import.meta.url));
const manifest = demoManifestSchema.parse(JSON.parse(readFileSync(join(here, "manifest.json"), "utf8")));

describe("data/demo/manifest.json", () => {
  test("opens on rollback rate by guardrail maturity, weighted, among the live", () => {
    const first = manifest.datasets[0];
    expect(first.id).toBe("ai-agents-production");
    expect(first.synthetic).toBe(true);
    expect(first.headline).toMatchObject({ outcome: "rolled_back", outcome_category: "Yes", segment: "guardrail_maturity", weight: "weight" });
  });

  test.each(manifest.datasets.map((d) => [d.id, d] as const))("%s: files exist and the headline names real columns and values", (_id, d) => {
    const { header, rows } = readDemoCsv(join(here, d.file));
    expect(rows).toHaveLength(d.respondents);
    const values = (col: string) => new Set(rows.map((r) => r[col]));
    const h = d.headline;
    for (const col of [h.outcome, h.segment, ...(h.weight ? [h.weight] : []), ...h.filters.map((f) => f.column)]) expect(header).toContain(col);
    expect(values(h.outcome).has(h.outcome_category)).toBe(true);
    for (const f of h.filters) for (const v of f.values) expect(values(f.column).has(v)).toBe(true);
  });

  test.each(manifest.datasets.map((d) => [d.id, d] as const))("%s: question overrides cover every column and every value", (_id, d) => {
    const overrides = questionOverridesSchema.parse(JSON.parse(readFileSync(join(here, d.questions), "utf8")));
    const { header, rows } = readDemoCsv(join(here, d.file));
    expect(overrides.questions.map((q) => q.column)).toEqual(header);
    for (const q of overrides.questions) {
      expect(q.label?.length ?? 0).toBeGreaterThan(0);
      if (q.type === "multi") expect(q.multi).toEqual({ layout: "delimited", delimiter: MULTI_DELIMITER });
      if (!q.optionOrder || !q.column) continue;
      const seen = new Set(rows.flatMap((r) => (r[q.column as string] === "" ? [] : q.type === "multi" ? r[q.column as string].split(MULTI_DELIMITER) : [r[q.column as string]])));
      expect([...seen].filter((v) => !q.optionOrder?.includes(v))).toEqual([]);
    }
    expect(overrides.questions.filter((q) => q.type === "weight").map((q) => q.column)).toEqual(["weight"]);
  });
});
