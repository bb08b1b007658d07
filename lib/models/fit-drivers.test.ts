import { describe, expect, it } from "vitest";
import { parseCsvTable } from "./csv-table";
import { buildDesignMatrix, columnKind, sortedLevels } from "./design-matrix";
import { ModelError } from "./errors";
import { fitDrivers } from "./fit-drivers";

/** Table from lines of comma-separated cells (no quoting needed in these tests). */
const table = (...lines: string[]) => parseCsvTable(lines.join("\n"));

function errorOf(f: () => unknown): ModelError {
  try {
    f();
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error("expected a ModelError");
}

describe("design matrix", () => {
  it("orders levels by code point, not locale (uppercase < lowercase < non-ASCII < astral)", () => {
    expect(sortedLevels(["eng", "Ops", "Ølstykke", "🚀 launch", "ｚone", "R&D"])).toEqual(["Ops", "R&D", "eng", "Ølstykke", "ｚone", "🚀 launch"]);
  });

  it("codes treatment contrasts with a changeable reference", () => {
    const rows = [["b", "1"], ["a", "2"], ["c", "3"], ["a", "4"]];
    const preds = [{ name: "g", index: 0, kind: "categorical" as const }, { name: "x", index: 1, kind: "numeric" as const }];
    const d = buildDesignMatrix(rows, preds);
    expect(d.terms).toEqual(["(intercept)", "g=b", "g=c", "x"]);
    expect(d.referenceLevels).toEqual({ g: "a", x: null });
    expect([...d.x.cols[1]]).toEqual([1, 0, 0, 0]);
    const r = buildDesignMatrix(rows, preds, { g: "c" });
    expect(r.terms).toEqual(["(intercept)", "g=a", "g=b", "x"]);
    expect(errorOf(() => buildDesignMatrix(rows, preds, { g: "z" })).message).toBe("reference level not in the analysed rows: g=z");
  });

  it("detects numeric columns like read.csv (empty cells ignored)", () => {
    expect(columnKind([["1"], [""], [" 2.5"], ["1e3"]], 0)).toBe("numeric");
    expect(columnKind([["1"], ["two"]], 0)).toBe("categorical");
    expect(columnKind([[""]], 0)).toBe("categorical");
  });
});

// y depends on g and x, no separation: every level has both outcomes
const OK = [
  "y,g,x,w,score",
  "Yes,a,1,1,3", "No,a,2,2,4", "Yes,a,3,1,2", "No,a,1,0.5,5",
  "Yes,b,2,1,4", "No,b,3,1,3", "Yes,b,4,2,5", "Yes,b,1,1,4",
  "No,c,2,1,1", "No,c,3,1,2", "Yes,c,4,1,3", "No,c,5,3,2",
];

describe("fitDrivers", () => {
  it("fits a small weighted logistic model and names terms as R does", () => {
    const r = fitDrivers(table(...OK), { model: "logistic", outcome: "y", outcome_category: "Yes", predictors: ["g", "x"], weight: "w" });
    expect(r.n).toBe(12);
    expect(r.df_residual).toBe(8);
    expect(r.coefficients.map((c) => c.term)).toEqual(["(intercept)", "g=b", "g=c", "x"]);
    expect(r.reference_levels).toEqual({ g: "a", x: null });
    for (const c of r.coefficients) {
      expect(c.t).toBeCloseTo(c.estimate / c.se, 12);
      expect(c.p_value).toBeGreaterThan(0);
      expect(c.p_value).toBeLessThanOrEqual(1);
    }
  });

  it("drops incomplete rows and applies filters before choosing levels", () => {
    const r = fitDrivers(table(...OK, "Yes,,2,1,3", "No,d,2,1,"), {
      model: "linear", outcome: "score", predictors: ["g", "x"], filters: { g: ["b", "c", "d"] },
    });
    expect(r.n).toBe(8); // a filtered out, the row with empty g dropped, the d row has no score
    expect(r.reference_levels).toEqual({ g: "b", x: null });
    expect(r.coefficients.map((c) => c.term)).toEqual(["(intercept)", "g=c", "x"]);
  });

  it("reports collinearity naming the aliased terms", () => {
    const t = table("y,x,x2,g,h", "1,1,2,a,p", "2,2,4,b,q", "2,3,6,a,p", "5,4,8,b,q", "4,5,10,a,p", "7,6,12,b,q");
    const e = errorOf(() => fitDrivers(t, { model: "linear", outcome: "y", predictors: ["x", "x2"] }));
    expect(e.reason).toBe("collinearity");
    expect(e.message).toBe("collinear terms (linear combinations of earlier terms) in: x2");
    const f = errorOf(() => fitDrivers(t, { model: "linear", outcome: "y", predictors: ["g", "x", "h"] }));
    expect(f.terms).toEqual(["h=q"]);
    // the message and the envelope's details name the predictor, not its level
    expect(f.message).toBe("collinear terms (linear combinations of earlier terms) in: h");
    expect(f.details).toEqual({ reason: "collinearity" });
  });

  it("reports perfect separation by a numeric predictor instead of diverging coefficients", () => {
    const t = table("y,x", "No,1", "No,2", "No,3", "No,4", "Yes,5", "Yes,6", "Yes,7", "Yes,8");
    const e = errorOf(() => fitDrivers(t, { model: "logistic", outcome: "y", outcome_category: "Yes", predictors: ["x"] }));
    expect(e.reason).toBe("separation");
    expect(e.message).toBe("perfect or quasi separation (coefficients diverge, fitted probabilities go to 0 or 1) in: x");
  });

  it("reports quasi-separation (overlap at one point only)", () => {
    const t = table("y,x,z", "No,1,1", "No,2,0", "No,3,1", "No,4,0", "Yes,4,1", "Yes,5,0", "Yes,6,1", "Yes,7,0", "No,4,1", "Yes,4,0");
    const e = errorOf(() => fitDrivers(t, { model: "logistic", outcome: "y", outcome_category: "Yes", predictors: ["x", "z"] }));
    expect(e.reason).toBe("separation");
    expect(e.terms).toContain("x");
  });

  it("reports a level in which the outcome never varies", () => {
    const t = table("y,g", "No,a", "No,a", "No,a", "Yes,b", "No,b", "Yes,c", "No,c", "Yes,b");
    const e = errorOf(() => fitDrivers(t, { model: "logistic", outcome: "y", outcome_category: "Yes", predictors: ["g"] }));
    expect(e.message).toBe("perfect or quasi separation (outcome constant within a level) in: g");
  });

  it("reports too few cases, one-level outcomes and predictors, bad values and specs", () => {
    const t = table(...OK);
    const fit = (spec: unknown) => errorOf(() => fitDrivers(t, spec));
    const few = table("y,x,g", "1,1,a", "2,2,b", "4,3,a");
    expect(errorOf(() => fitDrivers(few, { model: "linear", outcome: "y", predictors: ["x", "g"] })).message).toBe(
      "too few cases: the model needs more analysed rows than coefficients (drop predictors or widen the filters)",
    );
    expect(fit({ model: "logistic", outcome: "y", outcome_category: "Maybe", predictors: ["x"] }).message).toBe(
      "outcome has one level: y (the analysed rows need answers both in and outside outcome_category)",
    );
    expect(fit({ model: "logistic", outcome: "y", outcome_category: ["Yes", "No"], predictors: ["x"] }).reason).toBe("one_level");
    expect(fit({ model: "linear", outcome: "y", predictors: ["x"] }).message).toBe(
      "outcome is not a number: y has values that are not numbers (use a logistic model, or mark them missing)",
    );
    expect(fit({ model: "linear", outcome: "x", predictors: ["g"], filters: { x: "2" } }).message).toBe("outcome is constant: x has one value in the analysed rows");
    expect(fit({ model: "linear", outcome: "score", predictors: ["g"], filters: { g: ["a"] } }).message).toBe("predictor has one level: g has one value in the analysed rows");
    expect(fit({ model: "linear", outcome: "score", predictors: ["nope"] }).message).toBe("unknown predictor column: nope");
    expect(fit({ model: "linear", outcome: "score", predictors: ["g"], weight: "y" }).message).toBe("weight is not a number: y has values that are not numbers");
    expect(fit({ model: "linear", outcome: "score", predictors: ["g"], filters: { nope: ["1"] } }).message).toBe("unknown filter column: nope");
    expect(fit({ model: "logistic", outcome: "y", predictors: ["g"] }).message).toBe(
      "invalid spec: outcome_category: outcome_category is required for a logistic model",
    );
    expect(fit({ model: "linear", outcome: "score", predictors: ["g", "g"] }).message).toBe("invalid spec: predictors.1: duplicate predictor: g");
    expect(fit({ model: "linear", outcome: "score", predictors: ["x"], reference_levels: { x: "1" } }).message).toBe(
      "reference level for a numeric predictor: x",
    );
    const zero = table("y,g,w", "1,a,1", "2,b,0", "3,a,1", "5,b,1");
    expect(errorOf(() => fitDrivers(zero, { model: "linear", outcome: "y", predictors: ["g"], weight: "w" })).message).toBe("weight must be positive: w has values ≤ 0");
  });
});

describe("error messages carry no respondent data", () => {
  // one respondent with distinctive values; every failure must name columns and rules only
  const canary = "canary-7731";
  const t = table(
    "id,y,score,g,w",
    `${canary},Yes,${canary},a,${canary}`,
    "r2,No,3,a,1",
    "r3,No,4,b,0",
    "r4,Yes,5,b,1",
  );
  const specs = [
    { model: "linear", outcome: "score", predictors: ["g"] },
    { model: "linear", outcome: "y", predictors: ["g"] },
    { model: "linear", outcome: "score", predictors: ["id"], filters: { g: ["a"] } },
    { model: "linear", outcome: "score", predictors: ["g"], weight: "w", filters: { id: ["r2", "r3", "r4"] } },
    { model: "linear", outcome: "score", predictors: ["g"], weight: "w", filters: { id: [canary, "r2"] } },
    { model: "logistic", outcome: "y", outcome_category: "Yes", predictors: ["g"], filters: { id: [canary] } },
    { model: "logistic", outcome: "y", outcome_category: "Yes", predictors: ["g"], filters: { id: [canary, "r4"] } },
    { model: "linear", outcome: "score", predictors: ["g", "id"], filters: { id: ["r2", "r3", "r4"] } },
  ];
  it.each(specs.map((s, i) => [i, s] as const))("spec %i", (_, spec) => {
    const e = errorOf(() => fitDrivers(t, spec));
    expect(e.message).not.toContain(canary);
    expect(e.message).not.toMatch(/\bYes\b|\bNo\b|=a\b|=b\b|\brows?\b \d|\d+ rows/);
    expect(JSON.stringify(e.details)).not.toContain(canary);
  });
});
