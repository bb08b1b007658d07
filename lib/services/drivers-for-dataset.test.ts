import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionOverridesSchema } from "@/lib/schema/question-overrides";
import type { Dataset } from "@/lib/schema/dataset";
import { importDataset } from "@/lib/services/import-dataset";
import { openMemoryStore, type SurveyStore } from "@/lib/store";
import { driversForDataset, rankDrivers } from "./drivers-for-dataset";

const ROOT = process.cwd();
const GOLDEN = path.join(ROOT, "test", "fixtures", "golden-drivers", "example");
const DEMO = path.join(ROOT, "data", "demo");
const EXTRA = path.join(ROOT, "test", "fixtures", "golden-drivers2", "extra");

let store: SurveyStore;
let golden: Dataset;
let demo: Dataset;
let extra: Dataset;

beforeAll(async () => {
  store = await openMemoryStore();
  golden = await importDataset(store, {
    meta: { id: "golden-drivers", name: "golden drivers", owner: "test", fileName: "data.csv" },
    source: fs.createReadStream(path.join(GOLDEN, "data.csv")),
  });
  demo = await importDataset(store, {
    meta: { id: "ai-agents-production", name: "demo", owner: "test", synthetic: true, fileName: "ai-agents-production.csv" },
    source: fs.createReadStream(path.join(DEMO, "ai-agents-production.csv")),
    overrides: questionOverridesSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO, "ai-agents-production.questions.json"), "utf8"))),
  });
  extra = await importDataset(store, {
    meta: { id: "golden-drivers2-extra", name: "drivers2 extra", owner: "test", fileName: "data.csv" },
    source: fs.createReadStream(path.join(EXTRA, "data.csv")),
  });
}, 60_000);

const expectedOf = (name: string) => JSON.parse(fs.readFileSync(path.join(EXTRA, `${name}.expected.json`), "utf8"));
const refsOf = (e: { reference_levels: Record<string, string | null> }) =>
  Object.fromEntries(Object.entries(e.reference_levels).filter(([, v]) => v !== null)) as Record<string, string>;

afterAll(async () => {
  await store?.close();
});

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe("driversForDataset", () => {
  it("matches R svyglm on the golden example when read from the store", async () => {
    for (const name of ["rollback_drivers_w", "rollback_drivers_unw"]) {
      const spec = JSON.parse(fs.readFileSync(path.join(GOLDEN, `${name}.spec.json`), "utf8"));
      const expected = JSON.parse(fs.readFileSync(path.join(GOLDEN, `${name}.expected.json`), "utf8"));
      const refs = Object.fromEntries(Object.entries(expected.reference_levels as Record<string, string | null>).filter(([, v]) => v !== null));
      const r = await driversForDataset(store, golden, { ...spec, reference_levels: refs });
      expect(r.n).toBe(expected.n);
      expect(r.df_residual).toBe(expected.df_residual);
      expect(r.coefficients.map((c) => c.term)).toEqual(expected.coefficients.map((c: { term: string }) => c.term));
      r.coefficients.forEach((c, i) => {
        const e = expected.coefficients[i];
        expect(rel(c.estimate, e.estimate)).toBeLessThan(1e-6);
        expect(rel(c.se, e.se)).toBeLessThan(1e-6);
        expect(rel(c.p_value, e.p_value)).toBeLessThan(1e-4);
      });
      expect(r.rows.excluded).toBe(r.rows.after_filters - r.n);
    }
  });

  it("finds guardrail maturity among the top drivers of rollback in the demo (auto predictors)", async () => {
    const r = await driversForDataset(store, demo, {
      outcome: "rolled_back",
      outcome_category: "Yes",
      weight: "weight",
      filters: { agent_status: "Live in production" },
    });
    expect(r.drivers.slice(0, 3).map((d) => d.predictor)).toContain("guardrail_maturity");
    const g = r.drivers.find((d) => d.predictor === "guardrail_maturity")!;
    expect(g.reference).toBe("Early"); // the scale's first option, not byte order ("Developing")
    expect(g.top_level).toBe("Fully mature");
    expect(g.odds_ratio).toBeGreaterThan(1);
    // asked only of those who rolled back: it would predict the outcome perfectly
    expect(r.dropped.map((d) => d.predictor)).toContain("rollback_cause");
    expect(r.predictors).not.toContain("agent_status");
    expect(r.rows).toMatchObject({ total: 2527, after_filters: 1567 });
    expect(r.n + r.rows.excluded).toBe(1567);
    for (const c of r.coefficients) {
      expect(c.odds_ratio).toBeCloseTo(Math.exp(c.estimate), 12);
      expect(c.ci[0]).toBeLessThan(c.odds_ratio!);
      expect(c.ci[1]).toBeGreaterThan(c.odds_ratio!);
    }
    expect(r.r_script).toContain("svyglm(.y ~ ");
    expect(r.r_script).toContain('relevel(factor(d[["guardrail_maturity"]]');
    expect(r.r_script).toContain('ref = "Early"');
    expect(r.r_script).toContain('%in% c("Live in production")');
  }, 30_000);

  it("fits the predictors it is given and reports unknown questions", async () => {
    const r = await driversForDataset(store, demo, {
      outcome: "rolled_back",
      outcome_category: "Yes",
      predictors: ["guardrail_maturity", "company_size"],
      filters: { agent_status: ["Live in production"] },
    });
    expect(r.predictors).toEqual(["guardrail_maturity", "company_size"]);
    expect(r.weight).toBeNull();
    expect(r.dropped).toEqual([]);
    await expect(driversForDataset(store, demo, { outcome: "nope", outcome_category: "Yes", predictors: ["guardrail_maturity"] })).rejects.toMatchObject({
      code: "unknown_question",
    });
    await expect(driversForDataset(store, demo, { outcome: "rolled_back", outcome_category: "Yes", predictors: ["investment_focus"] })).rejects.toMatchObject({
      code: "invalid_spec",
    });
    // a model that cannot be fitted honestly is a one-line error, not absurd numbers
    await expect(
      driversForDataset(store, demo, { outcome: "rolled_back", outcome_category: "Yes", predictors: ["rollback_cause"], filters: { agent_status: ["Live in production"] } }),
    ).rejects.toThrow(/one level/);
  });

  it("refuses a non-numeric weight and a respondent id predictor by role, quoting no answer", async () => {
    const idQ = demo.questions.find((q) => q.type === "id");
    const textQ = demo.questions.find((q) => q.type === "single" || q.type === "text")!;
    await expect(driversForDataset(store, demo, { outcome: "rolled_back", outcome_category: "Yes", predictors: ["guardrail_maturity"], weight: textQ.id })).rejects.toMatchObject({
      code: "invalid_spec",
      message: `weight: question ${textQ.id} is not numeric (a ${textQ.type} question); choose a weight or numeric question`,
    });
    if (idQ) {
      await expect(driversForDataset(store, demo, { outcome: "rolled_back", outcome_category: "Yes", predictors: [idQ.id] })).rejects.toMatchObject({
        message: `a respondent id question cannot be a driver model predictor: ${idQ.id}`,
      });
    }
  });
});

describe("driversForDataset: methods", () => {
  it("switches to Firth with a warning when a predictor separates the outcome (R brglm2 numbers)", async () => {
    const want = expectedOf("separated_firth_w");
    const spec = { outcome: "churned", outcome_category: "Yes", predictors: ["region", "plan", "tenure"], weight: "w" };
    const r = await driversForDataset(store, extra, { ...spec, reference_levels: refsOf(want) });
    expect(r.method).toBe("firth");
    expect(r.statistic).toBe("z");
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: "separation", terms: ["region=Pilot"] });
    expect(r.n).toBe(want.n);
    expect(r.coefficients.map((c) => c.term)).toEqual(want.coefficients.map((c: { term: string }) => c.term));
    r.coefficients.forEach((c, i) => {
      expect(Math.abs(c.estimate - want.coefficients[i].estimate)).toBeLessThan(1e-7);
      expect(rel(c.se, want.coefficients[i].se)).toBeLessThan(1e-6);
    });
    const pilot = r.coefficients.find((c) => c.term === "region=Pilot")!;
    expect(pilot.odds_ratio).toBeGreaterThan(0.001); // finite, not exp(-32)
    expect(r.r_script).toContain('method = "brglmFit"');
    // svyglm asked for explicitly: a one-line error instead of an absurd odds ratio
    await expect(driversForDataset(store, extra, { ...spec, method: "svyglm" })).rejects.toThrow(/separation/);
  });

  it("ranks a linear model's drivers by LMG relative importance beside the coefficients", async () => {
    const want = expectedOf("satisfaction_lmg_w");
    const r = await driversForDataset(store, extra, {
      model: "linear",
      outcome: "satisfaction",
      predictors: ["plan", "tenure", "channel", "region"],
      weight: "w",
      reference_levels: refsOf(want),
    });
    expect(r.method).toBe("lmg");
    expect(r.n).toBe(want.n);
    expect(Math.abs(r.importance!.r2 - want.r2)).toBeLessThan(1e-9);
    r.importance!.predictors.forEach((p, i) => {
      expect(p.predictor).toBe(want.importance[i].predictor);
      expect(Math.abs(p.lmg - want.importance[i].lmg)).toBeLessThan(1e-9);
    });
    const byLmg = [...want.importance].sort((a: { rank: number }, b: { rank: number }) => a.rank - b.rank).map((i: { predictor: string }) => i.predictor);
    expect(r.drivers.map((d) => d.predictor)).toEqual(byLmg);
    expect(r.drivers[0].share).toBeCloseTo(want.importance.find((i: { rank: number }) => i.rank === 1).share, 9);
    expect(r.r_script).toContain("lmg <- sapply(preds");
  });

  it("defaults to a small set of predictors", async () => {
    const r = await driversForDataset(store, demo, { outcome: "rolled_back", outcome_category: "Yes", weight: "weight" });
    expect(r.default_predictors).toBe(true);
    expect(r.predictors.length).toBeGreaterThan(0);
    expect(r.predictors.length).toBeLessThanOrEqual(6);
  });
});

describe("rankDrivers", () => {
  it("ranks predictors by their largest |t| and computes t-based odds-ratio intervals", () => {
    const fit = {
      n: 103,
      df_residual: 100,
      coefficients: [
        { term: "(intercept)", estimate: 0.1, se: 0.1, t: 1, p_value: 0.3 },
        { term: "g=b", estimate: 0.5, se: 0.25, t: 2, p_value: 0.05 },
        { term: "g=c", estimate: -1, se: 0.25, t: -4, p_value: 0.0001 },
        { term: "x", estimate: 0.3, se: 0.1, t: 3, p_value: 0.003 },
      ],
      reference_levels: { g: "a", x: null },
    };
    const { drivers, coefficients } = rankDrivers(fit, "logistic", ["x", "g"], { g: "Group" });
    expect(drivers.map((d) => [d.predictor, d.top_level, d.max_abs_t])).toEqual([
      ["g", "c", 4],
      ["x", null, 3],
    ]);
    expect(drivers[0]).toMatchObject({ label: "Group", reference: "a", min_p: 0.0001 });
    const tq = 1.9839715185235556; // qt(0.975, 100)
    expect(coefficients[2].ci[0]).toBeCloseTo(Math.exp(-1 - tq * 0.25), 10);
    expect(coefficients[2].ci[1]).toBeCloseTo(Math.exp(-1 + tq * 0.25), 10);
    const linear = rankDrivers(fit, "linear", ["x", "g"], {});
    expect(linear.coefficients[3].odds_ratio).toBeNull();
    expect(linear.coefficients[3].ci[0]).toBeCloseTo(0.3 - tq * 0.1, 10);
  });
});
