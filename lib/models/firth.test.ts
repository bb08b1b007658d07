import { describe, expect, it } from "vitest";
import { fitFirth } from "./firth";
import { cholesky, cholInverse, cholLogDet } from "./spd";

describe("Cholesky helpers", () => {
  it("factor, invert and take the log-determinant of an SPD matrix", () => {
    const l = cholesky([[4, 2], [2, 2]]) as number[][];
    expect(l).toEqual([[2, 0], [1, 1]]);
    expect(cholInverse(l)).toEqual([[0.5, -0.5], [-0.5, 1]]);
    expect(cholLogDet(l)).toBeCloseTo(Math.log(4), 14);
    expect(cholesky([[1, 1], [1, 1]])).toBeNull();
  });
});

describe("Firth logistic regression", () => {
  const ones = new Float64Array(4).fill(1);
  const x = { nrow: 4, cols: [ones, Float64Array.from([0, 0, 1, 1])] };

  it("stays finite under complete separation, with the closed form of a 2×2 table", () => {
    // Firth adds ½ to every cell of the 2×2 table: logit(0.5/2.5) and the log odds ratio 2·log(5)
    const f = fitFirth(x, Float64Array.from([0, 0, 1, 1]), ones);
    expect(f.converged).toBe(true);
    expect(f.coefficients[0]).toBeCloseTo(Math.log(0.5 / 2.5), 10);
    expect(f.coefficients[1]).toBeCloseTo(2 * Math.log(5), 10);
  });

  it("treats weights as frequencies: weight 2 equals a duplicated row", () => {
    const y = Float64Array.from([0, 1, 1, 0, 1]);
    const xx = { nrow: 5, cols: [new Float64Array(5).fill(1), Float64Array.from([0, 0, 1, 1, 1])] };
    const dup = fitFirth(xx, y, new Float64Array(5).fill(1));
    const weighted = fitFirth(
      { nrow: 4, cols: [ones, Float64Array.from([0, 0, 1, 1])] },
      Float64Array.from([0, 1, 1, 0]),
      Float64Array.from([1, 1, 2, 1]),
    );
    dup.coefficients.forEach((b, j) => expect(weighted.coefficients[j]).toBeCloseTo(b, 10));
    expect(weighted.loglik + weighted.logDetInfoHalf).toBeCloseTo(dup.loglik + dup.logDetInfoHalf, 10);
  });
});
