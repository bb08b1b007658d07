import { describe, expect, it } from "vitest";
import { boundedRake } from "./bounded-rake";
import { caught } from "./weighting.fixtures";
import { buildMargin, maxMarginError, rake } from "./rake";

const opts = { tolerance: 1e-12, maxIterations: 2000 };


// 10 rows, size: 7 a + 3 b; sex: m f m f m f m m f f
const size = ["a", "a", "a", "a", "a", "a", "a", "b", "b", "b"];
const sex = ["m", "f", "m", "f", "m", "f", "m", "m", "f", "f"];
const ones = () => new Float64Array(10).fill(1);

describe("boundedRake", () => {
  it("without bounds is plain raking", () => {
    const margins = [buildMargin("size", size, { a: 0.5, b: 0.5 }, 10), buildMargin("sex", sex, { m: 0.4, f: 0.6 }, 10)];
    const a = boundedRake(ones(), margins, { lower: 0, upper: Number.POSITIVE_INFINITY }, opts).weights;
    const b = rake(ones(), margins, opts).weights;
    a.forEach((w, i) => expect(w).toBeCloseTo(b[i], 10));
  });

  it("keeps every weight in bounds and still reaches the margins", () => {
    const margins = [buildMargin("size", size, { a: 0.5, b: 0.5 }, 10), buildMargin("sex", sex, { m: 0.4, f: 0.6 }, 10)];
    const free = rake(ones(), margins, opts).weights;
    expect(Math.max(...free)).toBeGreaterThan(1.75); // unbounded needs more than the cap
    const r = boundedRake(ones(), margins, { lower: 0.5, upper: 1.75 }, opts);
    expect(Math.min(...r.weights)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...r.weights)).toBeLessThanOrEqual(1.75);
    expect(r.weights.filter((w) => w === 1.75).length).toBeGreaterThan(0);
    expect(maxMarginError(r.weights, margins, 10)).toBeLessThan(1e-12);
    expect(r.convergence.converged).toBe(true);
  });

  it("names a category that cannot reach its target inside the bounds", () => {
    // b is 3 rows of 10 and must carry 75%: mean weight 2.5 > 2
    const margins = [buildMargin("size", size, { a: 0.25, b: 0.75 }, 10)];
    const e = caught(() => boundedRake(ones(), margins, { lower: 0.3, upper: 2 }, opts));
    expect(e.kind).toBe("impossible_targets");
    expect(e.message).toBe("impossible targets under bounds: size=b (its target needs a mean weight outside the bounds 0.3 to 2: widen the bounds or merge categories)",
    );
    // the needed mean weight (2.5 = target / count) would give the category's count
    expect(e.message).not.toContain("2.5");
  });

  it("fails clearly when the bounds make the margins incompatible", () => {
    // each category alone fits in [0.5, 1.7], but b's 3 rows need ≥ 1.6 each, so its 2 f rows
    // carry ≥ 3.2 and a's 3 f rows ≥ 1.5: f gets ≥ 4.7 of 10 against a target of 4
    const margins = [buildMargin("size", size, { a: 0.5, b: 0.5 }, 10), buildMargin("sex", sex, { m: 0.6, f: 0.4 }, 10)];
    const e = caught(() => boundedRake(ones(), margins, { lower: 0.5, upper: 1.7 }, { tolerance: 1e-8, maxIterations: 50 }));
    expect(e.kind).toBe("not_converged");
    expect(e.message).toMatch(/^bounded raking did not converge in 50 iterations \(max margin error 0\.\d+\)$/);
  });
});
