import { describe, expect, it } from "vitest";
import { computeWeights } from "@/lib/weighting";
import { protectWeightingReport } from "./protect-weighting-report";

describe("protectWeightingReport", () => {
  // region: N 40, S 30, W 1 (one respondent), E 9
  const rows: string[][] = [];
  const add = (region: string, size: string, times: number) => {
    for (let i = 0; i < times; i++) rows.push([`id${rows.length}`, region, size]);
  };
  add("N", "small", 20);
  add("N", "large", 20);
  add("S", "small", 15);
  add("S", "large", 15);
  add("W", "small", 1);
  add("E", "large", 9);
  const table = { header: ["id", "region", "size"], rows };

  it("hides margin counts under k and the cheapest complement, and drops per-respondent rows", () => {
    const { report } = computeWeights(table, { method: "rake", targets: { region: { N: 0.4, S: 0.3, W: 0.1, E: 0.2 }, size: { small: 0.5, large: 0.5 } } });
    expect(report.margins.find((m) => m.match.region === "W")?.n).toBe(1);
    const shown = protectWeightingReport(report, { k: 5, sensitive: false });
    const byRegion = Object.fromEntries(shown.margins.filter((m) => m.match.region).map((m) => [m.match.region, [m.n, m.display]]));
    expect(byRegion).toEqual({ N: [40, null], S: [30, null], W: [null, "< 5"], E: [null, "—"] });
    // size margins (36 / 44) stay
    expect(shown.margins.filter((m) => m.match.size).map((m) => m.n)).toEqual([36, 44]);
    expect(JSON.stringify(shown.extreme)).not.toMatch(/"row"/);
    expect("rows" in shown.extreme).toBe(false);
    // no remaining count of 1..4 anywhere a margin could show it
    for (const m of shown.margins) if (m.n !== null) expect(m.n === 0 || m.n >= 5).toBe(true);
    expect(shown.weights).toEqual(report.weights);
  });
});
