import { describe, expect, it } from "vitest";
import { chol2inv, householderQr, leastSquares, type ColumnMatrix } from "./matrix";
import { fitGlm } from "./glm";
import { sandwichVcov } from "./sandwich";

const col = (...v: number[]) => Float64Array.from(v);
const mat = (...cols: Float64Array[]): ColumnMatrix => ({ nrow: cols[0].length, cols });

describe("householderQr", () => {
  it("solves least squares exactly for a consistent system", () => {
    const x = mat(col(1, 1, 1, 1), col(0, 1, 2, 3));
    const qr = householderQr(x);
    expect(qr.rank).toBe(2);
    const b = leastSquares(qr, col(1, 3, 5, 7));
    expect(b[0]).toBeCloseTo(1, 14);
    expect(b[1]).toBeCloseTo(2, 14);
  });

  it("gives (XᵀX)⁻¹ through chol2inv", () => {
    // XᵀX = [[4, 6], [6, 14]] → inverse = [[14, −6], [−6, 4]] / 20
    const inv = chol2inv(householderQr(mat(col(1, 1, 1, 1), col(0, 1, 2, 3))).r);
    expect(inv[0][0]).toBeCloseTo(0.7, 14);
    expect(inv[0][1]).toBeCloseTo(-0.3, 14);
    expect(inv[1][1]).toBeCloseTo(0.2, 14);
  });

  it("detects aliased columns and moves them last, keeping the order of the others", () => {
    const qr = householderQr(mat(col(1, 1, 1, 1), col(1, 2, 3, 4), col(2, 4, 6, 8), col(0, 0, 0, 0), col(1, 0, 1, 0)));
    expect(qr.rank).toBe(3);
    expect(qr.pivot).toEqual([0, 1, 4, 2, 3]);
  });

  it("treats a near-exact combination (relative 1e-9) as aliased", () => {
    const qr = householderQr(mat(col(1, 1, 1, 1), col(1, 2, 3, 4), col(3 + 1e-9, 5, 7, 9)));
    expect(qr.pivot.slice(qr.rank)).toEqual([2]);
  });
});

describe("svyglm variance by hand", () => {
  const y = col(2, 4, 4, 5, 7, 9);
  const n = y.length;

  it("intercept-only linear, unweighted: SE = sd(y)/√n", () => {
    const x = mat(new Float64Array(n).fill(1));
    const fit = fitGlm(x, y, new Float64Array(n).fill(1), "gaussian");
    const mean = y.reduce((s, v) => s + v, 0) / n;
    expect(fit.coefficients[0]).toBeCloseTo(mean, 14);
    const sd = Math.sqrt(y.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    const v = sandwichVcov(x, fit.workingWeights, fit.workingResiduals, fit.covUnscaled);
    expect(Math.sqrt(v[0][0])).toBeCloseTo(sd / Math.sqrt(n), 14);
  });

  it("intercept-only linear, weighted: the weighted mean and svymean's SE", () => {
    const w = col(1, 2, 0.5, 1, 3, 0.5);
    const mw = w.reduce((s, v) => s + v, 0) / n;
    const wn = w.map((v) => v / mw);
    const x = mat(new Float64Array(n).fill(1));
    const fit = fitGlm(x, y, wn, "gaussian");
    const sw = w.reduce((s, v) => s + v, 0);
    const mean = y.reduce((s, v, i) => s + v * w[i], 0) / sw;
    expect(fit.coefficients[0]).toBeCloseTo(mean, 13);
    // V = n/(n−1) Σ w_i²(y_i − ȳ_w)² / (Σw)²
    const varHand = ((n / (n - 1)) * y.reduce((s, v, i) => s + (w[i] * (v - mean)) ** 2, 0)) / (sw * sw);
    const v = sandwichVcov(x, fit.workingWeights, fit.workingResiduals, fit.covUnscaled);
    expect(v[0][0]).toBeCloseTo(varHand, 14);
  });

  it("intercept-only logistic: the logit of the proportion, SE by the delta method", () => {
    const yb = col(1, 0, 0, 1, 1, 1, 0, 1);
    const m = yb.length;
    const x = mat(new Float64Array(m).fill(1));
    const fit = fitGlm(x, yb, new Float64Array(m).fill(1), "quasibinomial");
    const p = 5 / 8;
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(p / (1 - p)), 9);
    // var(p̂) = p(1−p)/(n−1) (with-replacement, n/(n−1)); var(logit) = var(p̂)/(p(1−p))²
    const v = sandwichVcov(x, fit.workingWeights, fit.workingResiduals, fit.covUnscaled);
    expect(v[0][0]).toBeCloseTo(1 / ((m - 1) * p * (1 - p)), 8);
  });
});
