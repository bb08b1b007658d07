/**
 * Weighted estimates on a raked demo dataset match R: the weight is built in the app (the
 * real path: DuckDB → lib/weighting → a new dataset version), then a breakdown with that weight
 * is compared with R's svymean/svyby on a design with the raked weights (make_demo_raked.R).
 * R's own raked design reports a calibration-aware SE, slightly smaller; the app reports the
 * fixed-weight SE, which is the conservative one (both are in expected.json).
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { questionOverridesSchema } from "@/lib/schema/question-overrides";
import { applyWeighting } from "@/lib/services/apply-weighting";
import { runCrosstab } from "@/lib/services/crosstab";
import { importDataset } from "@/lib/services/import-dataset";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";

const DIR = path.join(process.cwd(), "test", "fixtures", "golden-weighting", "demo");
const DEMO = path.join(process.cwd(), "data", "demo");

interface Expected {
  weights_first10: number[];
  weights_sum: number;
  total: { p: number; se: number };
  segments: { segment: string; p: number; se: number }[];
}

test("a raked demo dataset gives R's weighted estimates and standard errors", async () => {
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, "expected.json"), "utf8")) as Expected;
  const scheme: unknown = JSON.parse(fs.readFileSync(path.join(DIR, "scheme.json"), "utf8"));
  const store = await DuckDbStore.open(":memory:");
  try {
    const ds = await importDataset(store, {
      meta: { id: "demo", name: "demo", owner: "test", fileName: "ai-agents-production.csv" },
      source: fs.createReadStream(path.join(DEMO, "ai-agents-production.csv")),
      overrides: questionOverridesSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO, "ai-agents-production.questions.json"), "utf8"))),
    });
    const { result, dataset } = await applyWeighting(store, ds, { name: "r check", scheme });
    expect(dataset?.version).toBe(2);
    expect(dataset?.lineage[0]).toMatchObject({ kind: "weighting", fromVersion: 1 });
    result.weights.slice(0, 10).forEach((w, i) => expect(Math.abs(w! - expected.weights_first10[i])).toBeLessThan(1e-6 * expected.weights_first10[i]));
    expect(result.weights.reduce((a, w) => a! + w!, 0)).toBeCloseTo(expected.weights_sum, 6);

    const out = await runCrosstab(store, dataset!, {
      outcome: "agent_status",
      outcome_category: "Live in production",
      segment: "guardrail_maturity",
      weight: "weight_r_check",
    });
    if (out.statistic !== "proportion") throw new Error("expected a proportion result");
    const rel = (a: number | null | undefined, e: number) => Math.abs((a ?? NaN) - e) / Math.abs(e);
    expect(rel(out.total.weighted?.p, expected.total.p)).toBeLessThan(1e-9);
    expect(rel(out.total.weighted?.se as number | null | undefined, expected.total.se)).toBeLessThan(1e-6);
    for (const s of expected.segments) {
      const got = out.segments.find((x) => x.segment === s.segment);
      expect(rel(got?.weighted?.p, s.p), s.segment).toBeLessThan(1e-9);
      expect(rel(got?.weighted?.se as number | null | undefined, s.se), s.segment).toBeLessThan(1e-6);
    }
    // the imported version is untouched
    expect((await store.readRows(ds, ds.columns.map((c) => c.name), 1))[0]).toHaveLength(ds.columns.length);
  } finally {
    await store.close();
  }
});
