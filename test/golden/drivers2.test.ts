/**
 * Key drivers, second generation: every `*.spec.json` under test/fixtures/golden-drivers2/ with
 * its `*.expected.json` (R `oracle_drivers2.R`: lm / svyglm / brglm2), run through
 * `fitDriversMethod` — the function `cli drivers` calls. Tolerances are the contract's (README §6).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { driversCommand } from "@/cli/commands/drivers";
import { fitDriversMethod } from "@/lib/models/fit-drivers-method";
import { firthResultSchema, lmgResultSchema } from "@/lib/schema/drivers-methods";
import { caseTable, findDriversCases, type DriversCase } from "./drivers-cases";

const ROOT = path.resolve(__dirname, "../fixtures/golden-drivers2");

type Num = number | null | undefined;
/** |got − want| ≤ max(abs, rel·|want|); null (R's NA) must stay null. */
function close(got: Num, want: Num, tol: { abs?: number; rel?: number }, what: string): void {
  if (want === null || want === undefined) {
    expect(got ?? null, what).toBeNull();
    return;
  }
  expect(typeof got, what).toBe("number");
  const bound = Math.max(tol.abs ?? 0, (tol.rel ?? 0) * Math.abs(want));
  const ok = want === 0 && !tol.abs ? Math.abs(got as number) < 1e-300 : Math.abs((got as number) - want) <= bound;
  expect(ok, `${what}: got ${got}, R ${want} (${JSON.stringify(tol)})`).toBe(true);
}

interface Coef {
  term: string;
  estimate: Num;
  se: Num;
  t?: Num;
  z?: Num;
  p_value: Num;
}
type Tols = Record<"estimate" | "se" | "stat" | "p", { abs?: number; rel?: number }>;
const SVY: Tols = { estimate: { rel: 1e-6 }, se: { rel: 1e-6 }, stat: { rel: 1e-6 }, p: { rel: 1e-4 } };
const FIRTH: Tols = { estimate: { abs: 1e-7, rel: 1e-6 }, se: { rel: 1e-6 }, stat: { rel: 1e-5 }, p: { rel: 1e-4, abs: 1e-10 } };

function compareCoefficients(got: Coef[], want: Coef[], tol: Tols, block: string): void {
  expect(got.map((c) => c.term), block).toEqual(want.map((c) => c.term));
  got.forEach((k, i) => {
    const w = want[i];
    close(k.estimate, w.estimate, tol.estimate, `${block} ${k.term} estimate`);
    close(k.se, w.se, tol.se, `${block} ${k.term} se`);
    close(k.t ?? k.z, w.t ?? w.z, tol.stat, `${block} ${k.term} statistic`);
    close(k.p_value, w.p_value, tol.p, `${block} ${k.term} p_value`);
  });
}

const cases = findDriversCases(ROOT);

describe("drivers methods match the R reference (lmg, firth)", () => {
  it("finds the shared examples and the extra cases, separated ones included", () => {
    expect(cases.filter((c) => c.name.startsWith("example/")).length).toBe(2);
    const extra = cases.filter((c) => c.name.startsWith("extra/"));
    expect(extra.length).toBeGreaterThanOrEqual(4);
    expect(extra.filter((c) => JSON.parse(fs.readFileSync(c.expected, "utf8")).separation?.detected).length).toBeGreaterThanOrEqual(2);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const spec: unknown = JSON.parse(fs.readFileSync(c.spec, "utf8"));
    const raw = JSON.parse(fs.readFileSync(c.expected, "utf8"));
    const got = fitDriversMethod(caseTable(c.dir), spec);
    expect(got.n).toBe(raw.n);
    expect(got.df_residual).toBe(raw.df_residual);
    expect(got.reference_levels).toEqual(raw.reference_levels);
    if ("method" in got && got.method === "lmg") {
      expect(lmgResultSchema.parse(got)).toEqual(got);
      const want = lmgResultSchema.parse({ method: "lmg", ...raw });
      expect(got.rows).toMatchObject(want.rows);
      expect(got.predictor_types).toEqual(want.predictor_types);
      close(got.r2, want.r2, { abs: 1e-9 }, "r2");
      close(got.r2_check_lm, want.r2_check_lm, { abs: 1e-9 }, "r2_check_lm");
      expect(got.subsets.map((s) => s.predictors)).toEqual(want.subsets.map((s) => s.predictors));
      got.subsets.forEach((s, i) => close(s.r2, want.subsets[i].r2, { abs: 1e-9 }, `subset ${s.predictors.join("+")} r2`));
      expect(got.importance.map(({ predictor, columns, rank }) => ({ predictor, columns, rank }))).toEqual(
        want.importance.map(({ predictor, columns, rank }) => ({ predictor, columns, rank })),
      );
      got.importance.forEach((g, i) => {
        close(g.lmg, want.importance[i].lmg, { abs: 1e-9 }, `${g.predictor} lmg`);
        close(g.share, want.importance[i].share, { abs: 1e-9 }, `${g.predictor} share`);
      });
      compareCoefficients(got.coefficients, want.coefficients, SVY, "svyglm");
    } else if ("method" in got && got.method === "firth") {
      expect(firthResultSchema.parse(got)).toEqual(got);
      const want = firthResultSchema.parse({ method: "firth", ...raw });
      expect(got.rows).toMatchObject(want.rows);
      expect(got.predictor_types).toEqual(want.predictor_types);
      expect(got.outcome_events).toBe(want.outcome_events);
      close(got.outcome_events_weighted, want.outcome_events_weighted, { rel: 1e-12 }, "outcome_events_weighted");
      expect(got.separation.detected).toBe(want.separation.detected);
      expect(got.separation.terms).toEqual(want.separation.terms);
      expect(got.separation.cells.map(({ term, n, events }) => ({ term, n, events }))).toEqual(
        want.separation.cells.map(({ term, n, events }) => ({ term, n, events })),
      );
      got.separation.cells.forEach((cell, i) =>
        close(cell.ml_estimate_default, want.separation.cells[i].ml_estimate_default, { rel: 1e-6 }, `${cell.term} ml estimate (default tolerance)`),
      );
      compareCoefficients(got.coefficients, want.coefficients, FIRTH, "firth");
      expect(got.firth.coefficients).toEqual(got.coefficients);
      expect(got.firth.converged).toBe(true);
      close(got.firth.penalised_loglik, want.firth.penalised_loglik, { rel: 1e-8 }, "penalised loglik");
      close(got.firth.loglik_weighted, want.firth.loglik_weighted, { rel: 1e-8 }, "loglik");
      close(got.firth.log_det_info_half, want.firth.log_det_info_half, { rel: 1e-8, abs: 1e-8 }, "log det info / 2");
      expect(got.svyglm.diverged).toBe(want.svyglm.diverged);
      if (!want.separation.detected) {
        compareCoefficients(got.svyglm.coefficients, want.svyglm.coefficients, SVY, "svyglm");
        compareCoefficients(got.ml.coefficients, want.ml.coefficients, SVY, "ml");
      }
    } else {
      throw new Error(`not a drivers2 method: ${c.name}`);
    }
  });
});

describe("drivers CLI with a method", () => {
  it.each(["example/confidence_lmg_w", "extra/separated_firth_w"])("prints what fitDriversMethod returns: %s", async (name) => {
    const c = cases.find((x) => x.name === name) as DriversCase;
    const chunks: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      expect(await driversCommand(["--data", path.join(c.dir, "data.csv"), "--spec", c.spec])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const printed: unknown = JSON.parse(chunks.join(""));
    expect(printed).toEqual(JSON.parse(JSON.stringify(fitDriversMethod(caseTable(c.dir), JSON.parse(fs.readFileSync(c.spec, "utf8"))))));
  });

  it("refuses a method that does not fit the model", () => {
    const c = cases[0];
    expect(() => fitDriversMethod(caseTable(c.dir), { model: "logistic", method: "lmg", outcome: "rolled_back", outcome_category: "Yes", predictors: ["agents"] })).toThrow(
      "invalid spec: method: method lmg needs model linear",
    );
  });
});
