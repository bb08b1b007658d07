import { describe, expect, it } from "vitest";
import { lbeta, lgamma, pbeta, pchisq, pf, pnorm, pt, qbeta, qnorm, qt } from "./index";

/** relative closeness */
const rel = (a: number, e: number, tol: number) => expect(Math.abs(a - e)).toBeLessThanOrEqual(tol * Math.abs(e));

// Reference values: R 4.2.2 (printed in the golden files or the brief) and mpmath at 40 digits.
describe("normal", () => {
  it("qnorm matches R", () => {
    rel(qnorm(0.975), 1.95996398454005, 1e-14);
    rel(qnorm(1e-10), -6.3613409024040562, 1e-14);
    expect(qnorm(0.5)).toBe(0);
    expect(qnorm(0)).toBe(-Infinity);
    expect(qnorm(0.025, false)).toBeCloseTo(1.959963984540054, 14);
  });
  it("pnorm is accurate in both tails", () => {
    rel(pnorm(1), 0.841344746068543, 1e-14);
    rel(pnorm(-2.9), 0.0018658133003840385, 1e-13);
    rel(pnorm(-8), 6.2209605742717841e-16, 1e-13);
    rel(pnorm(-37), 5.7255712225245768e-300, 1e-12);
    rel(pnorm(8, false), 6.2209605742717841e-16, 1e-13);
    expect(pnorm(-Infinity)).toBe(0);
  });
  it("round-trips", () => {
    for (const p of [1e-300, 1e-12, 0.001, 0.3, 0.7, 0.999]) rel(pnorm(qnorm(p)), p, 1e-12);
  });
});

describe("student t", () => {
  it("qt matches R", () => {
    rel(qt(0.975, 1), 12.7062047361747, 1e-13);
    rel(qt(0.975, 10), 2.22813885198627, 1e-13);
    rel(qt(0.995, 3), 5.8409093097333573, 1e-13);
    rel(qt(0.95, 30), 1.6972608865939578, 1e-13);
    rel(qt(0.975, 2.5), 3.5746548420036832, 1e-12);
    rel(qt(0.95, 2), 2.91998558035372, 1e-13);
    rel(qt(0.025, 10), -2.22813885198627, 1e-13);
    expect(qt(0.975, Infinity)).toBeCloseTo(1.959963984540054, 14);
  });
  it("pt matches R", () => {
    rel(pt(-3, 5), 0.015049623948731288, 1e-13);
    rel(pt(-40, 3), 1.7190340394579264e-5, 1e-12);
    rel(2 * pt(-0.910439497866131, 24), 0.371644527897763, 1e-12);
    rel(2 * pt(-4.36382239227689, 6869), 1.29680328487611e-5, 1e-10);
    expect(pt(0, 7)).toBe(0.5);
    expect(pt(-6e15, 98)).toBe(0);
  });
});

describe("chi-square and F", () => {
  it("pchisq", () => {
    rel(pchisq(3.84, 1), 0.94995647875129489681, 1e-13);
    rel(pchisq(20, 10, false), 0.029252688076961073, 1e-12);
    rel(pchisq(0.5, 3), 0.081108588345324141, 1e-12);
    rel(pchisq(300, 250, false), 0.01651827315786872, 1e-11);
    rel(pchisq(7.34692405730231, 6.54291363599376, false), 0.345518504257465, 1e-12);
  });
  it("pf (svychisq p-values in the golden files)", () => {
    rel(pf(3, 4, 20, false), 0.043200998334214091, 1e-12);
    rel(pf(1.12288262783808, 6.54291363599376, 327.145681799688, false), 0.34843189609356, 1e-12);
  });
});

describe("beta", () => {
  it("pbeta and qbeta (Clopper–Pearson values from binom.test)", () => {
    rel(qbeta(0.025, 24, 28), 0.329300148785923, 1e-13);
    rel(qbeta(0.975, 1, 2), 0.841886116991581, 1e-13);
    rel(qbeta(0.005, 0.3, 40), 3.7587832102257e-10, 1e-10);
    rel(qbeta(0.975, 4500.5, 5500), 0.4597867765682418, 1e-11);
    rel(pbeta(0.45, 9000, 11000), 0.50018901204, 1e-10);
    rel(pbeta(0.001, 0.5, 2000), 0.9545402415621452, 1e-12);
    expect(pbeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(qbeta(0, 2, 3)).toBe(0);
  });
  it("lgamma and lbeta", () => {
    rel(lgamma(0.5), 0.5723649429247001, 1e-14);
    rel(lgamma(1e-5), 11.512919692895826, 1e-14);
    rel(lgamma(3.7), 1.4280723266653879, 1e-14);
    rel(lgamma(1e6), 12815504.56914761166, 1e-15);
    rel(lbeta(1e4, 0.5), -4.0327927430633965, 1e-13);
    rel(lbeta(2, 3), Math.log(1 / 12), 1e-14);
  });
});
