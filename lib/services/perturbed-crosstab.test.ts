import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { perturbedCrosstab } from "@/lib/disclosure/cell-key/perturb-crosstab";
import { recordKey } from "@/lib/disclosure/cell-key/record-key";
import type { Dataset } from "@/lib/schema/dataset";
import { readCellKeySecret } from "@/lib/store";
import { BACKENDS, type OpenedStore } from "@/lib/store/contract/backends.fixtures";
import { planCrosstab } from "./crosstab";
import { importDataset } from "./import-dataset";
import { runPerturbedCrosstabOrEmpty } from "./perturbed-crosstab";

// 160 respondents; region d never answers "yes" to q1; everyone but row 0 has flag = x
const REGIONS = ["a", "b", "c", "d"];
const CSV =
  ["region,q1,q2,flag", ...Array.from({ length: 160 }, (_, i) => `${REGIONS[i % 4]},${i % 4 === 3 ? "no" : i % 3 ? "yes" : "no"},${i % 5 ? "yes" : "no"},${i === 0 ? "y" : "x"}`)].join("\n") + "\n";
const SPEC = { outcome: "q1", outcome_category: "yes", segment: "region" };

const keyed = (store: OpenedStore["store"], ds: Dataset, spec: object, secret: string) => {
  const { plan } = planCrosstab(ds, spec, { missing: "declared" });
  return store.cellSums(ds, { ...plan, cellKey: { secret } });
};

const results: Record<string, unknown> = {};

describe.each(BACKENDS)("cell-key perturbation: $name", (backend) => {
  let opened: OpenedStore;
  let ds: Dataset;
  beforeAll(async () => {
    opened = await backend.open();
    ds = await importDataset(opened.store, { meta: { id: "ck", name: "ck", owner: "t", fileName: "ck.csv" }, source: Readable.from([Buffer.from(CSV)]), options: { format: "microdata" } });
  });
  afterAll(() => opened.dispose());

  test("a record-key secret is written at import", async () => {
    expect(await readCellKeySecret(opened.store.app.sql, "ck")).toMatch(/^[0-9a-f]{32}$/);
  });

  test("each cell's key is computed in the counting query: the SQL record keys equal the reference MD5 keys", async () => {
    const input = await keyed(opened.store, ds, SPEC, "fixed-secret");
    for (const c of input.cells) {
      const rows = Array.from({ length: 160 }, (_, i) => i).filter((i) => REGIONS[i % 4] === c.segment && (i % 4 === 3 ? "no" : i % 3 ? "yes" : "no") === c.outcome);
      expect(c.ck).toBe(rows.reduce((s, i) => s + recordKey("fixed-secret", i), 0));
      expect(c.cky).toBe(c.outcome === "yes" ? c.ck : 0);
    }
    results[backend.name] = input;
    // backend parity: DuckDB and PostgreSQL give the same keys (and so the same noise) for the same import
    const sorted = (x: unknown) => {
      const i = x as { cells: { segment: string | null; outcome: string | null }[] };
      return { ...i, cells: [...i.cells].sort((a, b) => `${a.segment}/${a.outcome}`.localeCompare(`${b.segment}/${b.outcome}`)) };
    };
    if (results.duckdb && results.postgres) expect(sorted(results.postgres)).toEqual(sorted(results.duckdb));
  });

  test("the same cell gets the same noise across requests and across tables that count the same respondents", async () => {
    const first = await runPerturbedCrosstabOrEmpty(opened.store, ds, planCrosstab(ds, SPEC, { missing: "declared" }));
    const again = await runPerturbedCrosstabOrEmpty(opened.store, ds, planCrosstab(ds, SPEC, { missing: "declared" }));
    expect(again).toEqual(first);
    // q2 has no missing answers: each region's n counts the same respondents as for q1
    const other = await runPerturbedCrosstabOrEmpty(opened.store, ds, planCrosstab(ds, { ...SPEC, outcome: "q2" }, { missing: "declared" }));
    if ("empty" in first || "empty" in other) throw new Error("unexpected empty population");
    expect(other.segments.map((s) => s.n)).toEqual(first.segments.map((s) => s.n));
    expect(other.total.n).toBe(first.total.n);
  });

  test("zero stays zero; perturbed counts are whole, ≥ 0 and within ±3; proportions come from perturbed counts", async () => {
    for (const secret of ["s1", "s2", "s3", "s4", "s5"]) {
      const out = perturbedCrosstab(await keyed(opened.store, ds, SPEC, secret), false)!;
      if (out.statistic !== "proportion") throw new Error("proportion expected");
      const d = out.segments.find((s) => s.segment === "d")!;
      expect(d.count).toBe(0);
      for (const s of out.segments) {
        expect(Math.abs(s.n - 40)).toBeLessThanOrEqual(3);
        expect(s.unweighted!.p).toBeCloseTo(s.count / s.n, 12);
      }
      expect(Math.abs(out.total.n - 160)).toBeLessThanOrEqual(3);
    }
  });

  test("a differencing attempt (everyone vs everyone but one) returns noise, not the one person", async () => {
    const diffs: number[] = [];
    for (let i = 0; i < 24; i++) {
      const all = perturbedCrosstab(await keyed(opened.store, ds, SPEC, `secret-${i}`), false)!;
      const allButOne = perturbedCrosstab(await keyed(opened.store, ds, { ...SPEC, filters: { flag: ["x"] } }, `secret-${i}`), true)!;
      diffs.push(all.total.n - allButOne.total.n);
    }
    expect(new Set(diffs).size).toBeGreaterThanOrEqual(3);
    expect(diffs.filter((d) => d === 1).length).toBeLessThan(diffs.length / 2);
  });
});
