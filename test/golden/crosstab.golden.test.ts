/**
 * Golden test: every spec under test/fixtures/golden/<case>/ is run through the in-memory engine
 * (computeCellSums → computeCrosstab) and compared with R's survey output (oracle.R) using the
 * port of compare.py. Fails on any mismatch other than the documented known deviations below.
 */
import { describe, expect, it } from "vitest";
import { computeCellSums } from "@/lib/engine";
import { crosstabSpecSchema } from "@/lib/schema/crosstab-spec";
import { crosstabResultSchema } from "@/lib/schema/crosstab-result";
import { computeCrosstab } from "@/lib/stats";
import { compareCrosstab } from "./compare";
import { listGoldenCases, readTable } from "./crosstab-load-case";
import { KNOWN_DEVIATIONS } from "./known-deviations";


const cases = listGoldenCases();
let totalChecked = 0;
let totalBad = 0;

describe("golden crosstabs (R survey oracle)", () => {
  it("finds the golden cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(c.name, () => {
      const spec = crosstabSpecSchema.parse(c.spec);
      const result = computeCrosstab(computeCellSums(readTable(c.dataPath), spec));
      expect(() => crosstabResultSchema.parse(result)).not.toThrow();
      const json: unknown = JSON.parse(JSON.stringify(result));
      const { checked, bad } = compareCrosstab(c.expected, json);
      const known = new Set(KNOWN_DEVIATIONS[c.name] ?? []);
      const unexpected = bad.filter((b) => !known.has(b.slice(0, b.indexOf(": expected"))));
      const fixedKnown = [...known].filter((k) => !bad.some((b) => b.startsWith(`${k}: `)));
      totalChecked += checked;
      totalBad += bad.length;
      console.log(`${c.name}: ${checked - bad.length}/${checked}${bad.length ? ` (${bad.length} known deviations)` : ""}`);
      if (unexpected.length) console.log(unexpected.slice(0, 40).join("\n"));
      expect(unexpected).toEqual([]);
      expect(fixedKnown).toEqual([]);
    });
  }

  it("summary", () => {
    console.log(`golden total: ${totalChecked - totalBad}/${totalChecked} checked fields match`);
  });
});
