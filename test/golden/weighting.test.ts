/**
 * Golden test for lib/weighting: every `<case>.scheme.json` under test/fixtures/golden-weighting/**
 * (a folder with a data.csv) is weighted and compared with R survey's output in
 * `<case>.expected.json`:
 * - `weights`: R's weights (`rake` / `postStratify`), matched to 1e-6 relative, nulls in place;
 * - bounded raking: every margin within 1e-4 of its target and every weight inside the bounds
 *   (and, when R converged, within 1e-4 relative of R's `calibrate` solution: the same optimum);
 * - `error`: R refuses (or has no solution) and so must we, with a message starting with it.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { weightingReportSchema, weightingSchemeSchema } from "@/lib/schema/weighting";
import { WeightingError, computeWeights, parseCsvTable, type WeightingTable } from "@/lib/weighting";

const ROOT = fileURLToPath(new URL("../fixtures/golden-weighting", import.meta.url));

interface Expected {
  weights: (number | null)[] | null;
  rows_weighted?: number;
  error?: string;
  note?: string;
}

interface Case {
  name: string;
  scheme: unknown;
  expected: Expected;
  table: WeightingTable;
}

function listCases(dir: string, out: Case[] = []): Case[] {
  const files = readdirSync(dir).sort();
  if (files.includes("data.csv")) {
    const table = parseCsvTable(readFileSync(path.join(dir, "data.csv"), "utf8"));
    for (const f of files.filter((x) => x.endsWith(".scheme.json"))) {
      const base = f.slice(0, -".scheme.json".length);
      out.push({
        name: `${path.relative(ROOT, dir)}/${base}`,
        scheme: JSON.parse(readFileSync(path.join(dir, f), "utf8")),
        expected: JSON.parse(readFileSync(path.join(dir, `${base}.expected.json`), "utf8")) as Expected,
        table,
      });
    }
  }
  for (const f of files) if (statSync(path.join(dir, f)).isDirectory()) listCases(path.join(dir, f), out);
  return out;
}

/** Largest |achieved share − target share| over every rim target, computed from the weights alone. */
function marginError(table: WeightingTable, weights: (number | null)[], targets: Record<string, Record<string, number>>): number {
  let worst = 0;
  for (const [variable, dist] of Object.entries(targets)) {
    const col = table.header.indexOf(variable);
    const totalTarget = Object.values(dist).reduce((a, b) => a + b, 0);
    const sums = new Map<string, number>();
    let total = 0;
    weights.forEach((w, r) => {
      if (w === null) return;
      const v = table.rows[r][col];
      sums.set(v, (sums.get(v) ?? 0) + w);
      total += w;
    });
    for (const [cat, t] of Object.entries(dist)) worst = Math.max(worst, Math.abs((sums.get(cat) ?? 0) / total - t / totalTarget));
    for (const cat of sums.keys()) if (!(cat in dist)) worst = Math.max(worst, (sums.get(cat) ?? 0) / total);
  }
  return worst;
}

function maxRelDiff(expected: (number | null)[], got: (number | null)[]): { rel: number; nullMismatch: number } {
  let rel = 0;
  let nullMismatch = 0;
  expected.forEach((e, i) => {
    const g = got[i];
    if (e === null || g === null) {
      if (e !== g) nullMismatch++;
      return;
    }
    rel = Math.max(rel, Math.abs(g - e) / Math.max(Math.abs(e), 1e-300));
  });
  return { rel, nullMismatch };
}

const cases = listCases(ROOT);

describe("golden weighting (R survey oracle)", () => {
  it("finds the golden cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  for (const c of cases) {
    it(c.name, () => {
      const { expected, table } = c;
      if (expected.error !== undefined) {
        let thrown: unknown;
        try {
          computeWeights(table, c.scheme);
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(WeightingError);
        expect((thrown as WeightingError).message.startsWith(expected.error), (thrown as Error).message).toBe(true);
        return;
      }
      const scheme = weightingSchemeSchema.parse(c.scheme);
      const { weights, report } = computeWeights(table, c.scheme);
      expect(() => weightingReportSchema.parse(report)).not.toThrow();
      expect(weights).toHaveLength(table.rows.length);
      const weighted = weights.filter((w) => w !== null).length;
      if (expected.rows_weighted !== undefined) expect(weighted).toBe(expected.rows_weighted);
      const bounded = scheme.method === "rake" && scheme.bounds !== undefined;
      if (scheme.method === "rake" && scheme.bounds) {
        const ws = weights.filter((w): w is number => w !== null);
        const mean = ws.reduce((a, b) => a + b, 0) / ws.length;
        const lo = (scheme.bounds.min ?? 0) * mean;
        const hi = (scheme.bounds.max ?? Number.POSITIVE_INFINITY) * mean;
        const err = marginError(table, weights, scheme.targets);
        console.log(`${c.name}: max margin error ${err.toExponential(2)}, weights ${Math.min(...ws)}..${Math.max(...ws)}`);
        expect(err).toBeLessThanOrEqual(1e-4);
        expect(ws.every((w) => w >= lo - 1e-9 && w <= hi + 1e-9)).toBe(true);
      }
      if (expected.weights) {
        expect(weights).toHaveLength(expected.weights.length);
        const { rel, nullMismatch } = maxRelDiff(expected.weights, weights);
        console.log(`${c.name}: max relative difference to R ${rel.toExponential(2)}`);
        expect(nullMismatch).toBe(0);
        expect(rel).toBeLessThanOrEqual(bounded ? 1e-4 : 1e-6);
      }
    });
  }
});
