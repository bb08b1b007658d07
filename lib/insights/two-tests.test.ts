import { describe, expect, it } from "vitest";
import { twoTests } from "./two-tests";

const seg = (segment: string, p: number) => ({ segment, unweighted: { p }, weighted: { p } });

describe("twoTests", () => {
  it("names the highest and lowest groups, the gap, its own p and why the scan can disagree", () => {
    const t = twoTests(
      { segments: [seg("Early", 0.621), seg("Developing", 0.7), seg("Fully mature", 0.807)], pairwise: [{ a: "Early", b: "Fully mature", unweighted: { p_value_pooled: 0.01 }, weighted: { p_value_z: 0.003 } }] },
      true,
    )!;
    expect([t.high, t.low, t.p]).toEqual(["Fully mature", "Early", 0.003]);
    expect(t.gap).toBeCloseTo(18.6, 5);
    expect(t.text).toMatch(/^On its own, the gap between Fully mature \(80\.7%\) and Early \(62\.1%\) is 18\.6 points \(p = 0\.003, unlikely to be chance\)/);
    expect(t.text).toMatch(/every pair of groups in every question at once/);
    expect(t.text).toMatch(/both can be true/);
  });

  it("says when the gap is not significant even alone, and when its test is missing", () => {
    const weak = twoTests({ segments: [seg("A", 0.5), seg("B", 0.55)], pairwise: [{ a: "A", b: "B", unweighted: { p_value_pooled: 0.4 }, weighted: null }] }, false)!;
    expect(weak.text).toMatch(/could be chance/);
    expect(weak.text).toMatch(/not significant even on its own/);
    expect(twoTests({ segments: [seg("A", 0.5), seg("B", 0.55)] }, false)!.p).toBeNull();
    expect(twoTests({ segments: [seg("A", 0.5)] }, false)).toBeNull();
  });
});
