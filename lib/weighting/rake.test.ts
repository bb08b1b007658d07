import { describe, expect, it } from "vitest";
import { caught } from "./weighting.fixtures";
import { buildMargin, maxMarginError, rake } from "./rake";

const opts = { tolerance: 1e-12, maxIterations: 100 };


describe("rake", () => {
  // 6 rows: size a a a b b b; sex m f f m m f
  const size = ["a", "a", "a", "b", "b", "b"];
  const sex = ["m", "f", "f", "m", "m", "f"];

  it("one margin is post-stratification (one iteration)", () => {
    const m = buildMargin("size", size, { a: 0.25, b: 0.75 }, 6);
    const r = rake(new Float64Array(6).fill(1), [m], opts);
    expect([...r.weights]).toEqual([0.5, 0.5, 0.5, 1.5, 1.5, 1.5]);
    expect(r.convergence.iterations).toBe(1);
  });

  it("two margins reach both targets and keep the total", () => {
    const margins = [buildMargin("size", size, { a: 0.4, b: 0.6 }, 6), buildMargin("sex", sex, { m: 0.5, f: 0.5 }, 6)];
    const r = rake(new Float64Array(6).fill(1), margins, opts);
    expect(maxMarginError(r.weights, margins, 6)).toBeLessThan(1e-12);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(6, 12);
    expect(r.convergence.converged).toBe(true);
    expect(r.convergence.trace.length).toBe(r.convergence.iterations);
    expect(r.convergence.trace.at(-1)).toBeLessThan(1e-12);
    // rows with the same categories get the same weight
    expect(r.weights[1]).toBeCloseTo(r.weights[2], 15);
  });

  it("keeps base weight ratios within a cell", () => {
    const m = buildMargin("size", size, { a: 0.5, b: 0.5 }, 6);
    const r = rake(Float64Array.of(1, 2, 3, 1, 1, 1), [m], opts);
    expect(r.weights[1] / r.weights[0]).toBeCloseTo(2, 12);
    expect(r.weights[0] + r.weights[1] + r.weights[2]).toBeCloseTo(3, 12);
  });

  it("a zero target zeroes its rows", () => {
    const m = buildMargin("size", size, { a: 0, b: 1 }, 6);
    expect([...rake(new Float64Array(6).fill(1), [m], opts).weights]).toEqual([0, 0, 0, 2, 2, 2]);
  });

  it("names a target category absent from the data", () => {
    const e = caught(() => buildMargin("country", ["US", "UK"], { US: 0.5, UK: 0.3, FR: 0.2 }, 2));
    expect(e.kind).toBe("absent_category");
    expect(e.message).toBe("target category absent from data: country=FR");
  });

  it("accepts an absent category with a zero target", () => {
    expect(buildMargin("country", ["US", "UK"], { US: 0.5, UK: 0.5, FR: 0 }, 2).counts).toEqual([1, 1, 0]);
  });

  it("names a data category without a target", () => {
    expect(caught(() => buildMargin("country", ["US", "DE"], { US: 1 }, 2)).message).toBe(
      "some rows have a category of country without a target: give every category of country a target, or mark the others missing",
    );
  });

  it("fails clearly when the margins contradict each other", () => {
    // size and sex are the same split of the rows, with different targets: no solution
    const margins = [buildMargin("size", ["a", "a", "b"], { a: 0.5, b: 0.5 }, 3), buildMargin("sex", ["m", "m", "f"], { m: 0.7, f: 0.3 }, 3)];
    const e = caught(() => rake(new Float64Array(3).fill(1), margins, { tolerance: 1e-8, maxIterations: 50 }));
    expect(e.kind).toBe("not_converged");
    expect(e.message).toBe("raking did not converge in 50 iterations (max margin error 0.2)");
  });

  it("fails clearly when a target has no weight left", () => {
    const margins = [buildMargin("size", ["a", "b"], { a: 0, b: 1 }, 2), buildMargin("sex", ["m", "f"], { m: 0.5, f: 0.5 }, 2)];
    expect(caught(() => rake(Float64Array.of(1, 1), margins, opts)).message).toBe("raking cannot reach target: sex=m (no weight left)");
  });
});
