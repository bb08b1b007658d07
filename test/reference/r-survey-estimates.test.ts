/**
 * Reference check against R: `test/fixtures/datasets/expected/reference-estimates-r-survey.csv`
 * holds estimates computed with R `survey` 4.1.1 from the real microdata in
 * `test/fixtures/datasets/microdata/r-packages/`. Every row a Surveyscope crosstab can express is
 * recomputed through the real path — file → `importDataset` → DuckDB → `runCrosstab` with the
 * declared question model (`missing: "declared"`, so `NA` is missing as in R's `na.rm = TRUE`).
 *
 * Tolerance: the file states none, and it prints every estimate (and ci bound) to 8 significant
 * digits and every se to 6 (R `signif`), so a relative 1e-9 check against it is not possible; ours
 * must round to the printed value: |ours − ref| ≤ ½ unit of the last significant digit the file
 * keeps (plus 1e-12 relative for float noise).
 *
 * What is compared, by design:
 * - `id=1 weights=…` (CES11): point estimate, se and the 95% Wald interval (R `confint` of
 *   `svymean`/`svyby`: estimate ± qnorm(0.975)·se) — Surveyscope's design is exactly
 *   `svydesign(ids = ~1, weights = ~w)`.
 * - designs with strata, clusters or fpc (NHANES, YRBS, apistrat, apiclus1): point estimates only;
 *   their se depends on the design, which a crosstab does not model.
 * - `unweighted` and `population` rows: the unweighted point estimate (no se in the file).
 * - `n_unweighted` equals our analytic n of the domain on every checked row.
 *
 * Rows skipped (see `skipReason`): the 3 `total` rows (`svytotal` of enroll for apistrat and
 * apiclus1, and the apipop census total): a crosstab estimates means and proportions of a domain,
 * not population totals.
 */
import fs from "node:fs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConfidenceInterval, CrosstabResult } from "@/lib/schema/crosstab-result";
import type { Dataset } from "@/lib/schema/dataset";
import { runCrosstab } from "@/lib/services/crosstab";
import { importDataset } from "@/lib/services/import-dataset";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";

const EXPECTED = "test/fixtures/datasets/expected/reference-estimates-r-survey.csv";
const MICRODATA = "test/fixtures/datasets/microdata/r-packages";

/** reference `dataset` → fixture file, weight column and a never-missing segment to take the total from */
const FILES: Record<string, { file: string; weight: string; totalSegment: string }> = {
  "nhanes.csv": { file: "survey-nhanes.csv", weight: "WTMEC2YR", totalSegment: "race" },
  "apistrat.csv": { file: "survey-apistrat.csv", weight: "pw", totalSegment: "stype" },
  "apipop.csv": { file: "survey-apipop.csv", weight: "", totalSegment: "stype" },
  "apiclus1.csv": { file: "survey-apiclus1.csv", weight: "pw", totalSegment: "stype" },
  "yrbs.csv": { file: "survey-yrbs.csv", weight: "weight", totalSegment: "stratum" },
  "CES11.csv": { file: "cardata-CES11.csv", weight: "weight", totalSegment: "gender" },
};

interface RefRow {
  dataset: string;
  design: string;
  statistic: string;
  variable: string;
  group: string;
  estimate: string;
  se: string;
  ci_low: string;
  ci_high: string;
  n_unweighted: string;
}

function readReference(): RefRow[] {
  const { data } = Papa.parse<RefRow>(fs.readFileSync(EXPECTED, "utf8"), { header: true, skipEmptyLines: true });
  return data;
}

type Kind = "proportion" | "mean";
interface Check {
  kind: Kind;
  outcome: string;
  category?: string;
  /** segment question and level; `null` level = the total */
  segment: string;
  level: string | null;
  weighted: boolean;
  /** compare se and the Wald ci too (design `id=1 weights=…` only) */
  withSe: boolean;
}

function skipReason(r: RefRow): string | null {
  if (r.statistic === "total") return "svytotal: a crosstab estimates domain means/proportions, not population totals";
  return null;
}

/**
 * Translate one reference row into a crosstab question. `group`: `All` or an R factor level name
 * such as `awardsYes` (`svymean(~factor)`) = the total; `var=level` (`svyby`) = that segment.
 * `variable`: `x==v` (`svymean(~I(x == v))`) = the share of category v.
 */
function toCheck(r: RefRow): Check {
  const weighted = r.design !== "unweighted" && !r.design.startsWith("population");
  const withSe = /^id=1 weights=\S+$/.test(r.design);
  const [segment, level] = r.group.includes("=") ? r.group.split("=") : [FILES[r.dataset].totalSegment, null];
  const base = { segment, level, weighted, withSe };
  if (r.statistic === "mean") return { ...base, kind: "mean", outcome: r.variable };
  if (r.statistic === "mean (share with value 1)") return { ...base, kind: "proportion", outcome: r.variable, category: "1" };
  if (r.statistic === "proportion" && r.variable.includes("==")) {
    const [outcome, category] = r.variable.split("==");
    return { ...base, kind: "proportion", outcome, category };
  }
  if (r.statistic === "proportion" && level === null && r.group.startsWith(r.variable)) {
    return { ...base, kind: "proportion", outcome: r.variable, category: r.group.slice(r.variable.length) };
  }
  throw new Error(`no crosstab for ${JSON.stringify(r)}`);
}

/** |ours − ref| within ½ unit of the `digits`-th significant digit of ref (R `signif(x, digits)`). */
function expectRounded(ours: number | null | undefined, ref: number, digits: number, what: string) {
  expect(ours, what).toBeTypeOf("number");
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(ref))) - (digits - 1));
  const diff = Math.abs((ours as number) - ref);
  expect(diff, `${what}: ours ${ours}, R ${ref} (½ unit = ${unit / 2})`).toBeLessThanOrEqual(unit / 2 + 1e-12 * Math.abs(ref));
}

interface Estimate {
  n: number;
  point: number | null;
  se: number | null;
  /** estimate ± z·se (weighted only) */
  wald: ConfidenceInterval;
}

/** The total (`level` null) or one segment's point estimate and se, weighted or unweighted. */
function estimateOf(out: CrosstabResult, level: string | null, weighted: boolean): Estimate | undefined {
  if (out.statistic === "mean") {
    const b = level === null ? out.total : out.segments.find((s) => s.segment === level);
    if (!b) return undefined;
    if (weighted) return { n: b.n, point: b.weighted?.mean ?? null, se: b.weighted?.se ?? null, wald: b.weighted?.ci.wald ?? null };
    return { n: b.n, point: b.unweighted?.mean ?? null, se: b.unweighted?.se ?? null, wald: null };
  }
  const b = level === null ? out.total : out.segments.find((s) => s.segment === level);
  if (!b) return undefined;
  if (weighted) return { n: b.n, point: b.weighted?.p ?? null, se: b.weighted?.se ?? null, wald: b.weighted?.ci.wald ?? null };
  return { n: b.n, point: b.unweighted?.p ?? null, se: b.unweighted?.se ?? null, wald: null };
}

let store: DuckDbStore;
const datasets = new Map<string, Dataset>();
const reference = readReference();

beforeAll(async () => {
  store = await DuckDbStore.open(":memory:");
});
afterAll(async () => {
  await store.close();
});

async function datasetFor(name: string): Promise<Dataset> {
  const hit = datasets.get(name);
  if (hit) return hit;
  const file = FILES[name].file;
  const ds = await importDataset(store, {
    meta: { name, owner: "test", fileName: file },
    source: fs.createReadStream(`${MICRODATA}/${file}`),
  });
  datasets.set(name, ds);
  return ds;
}

describe("R survey 4.1.1 reference estimates reproduce through import → DuckDB → runCrosstab", () => {
  it("the reference file has the 41 rows SOURCES.md describes, 3 of them totals", () => {
    expect(reference).toHaveLength(41);
    expect(reference.filter((r) => skipReason(r) !== null)).toHaveLength(3);
  });

  for (const r of reference) {
    const title = `${r.dataset} [${r.design}] ${r.statistic} ${r.variable} | ${r.group}`;
    const reason = skipReason(r);
    if (reason) {
      it.skip(`${title} — skipped: ${reason}`, () => {});
      continue;
    }
    it(title, async () => {
      const c = toCheck(r);
      const ds = await datasetFor(r.dataset);
      const weight = c.weighted ? FILES[r.dataset].weight : undefined;
      const spec = c.kind === "mean"
        ? { outcome: c.outcome, statistic: "mean", segment: c.segment, weight }
        : { outcome: c.outcome, outcome_category: c.category, segment: c.segment, weight };
      const out = await runCrosstab(store, ds, spec, { missing: "declared" });
      const got = estimateOf(out, c.level, c.weighted);
      expect(got, `segment ${c.segment}=${c.level}`).toBeDefined();
      expect(got!.n, "n_unweighted").toBe(Number(r.n_unweighted));
      const { point, se, wald } = got!;
      expectRounded(point, Number(r.estimate), 8, "estimate");
      if (c.withSe) {
        expectRounded(se, Number(r.se), 6, "se");
        expectRounded(wald?.[0], Number(r.ci_low), 8, "ci_low");
        expectRounded(wald?.[1], Number(r.ci_high), 8, "ci_high");
      }
    });
  }
});
