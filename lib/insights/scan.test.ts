import { describe, expect, it } from "vitest";
import type { QuestionLite } from "@/lib/analysis/question-roles";
import { parseBreakdownState } from "@/lib/analysis/breakdown-state";
import type { CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import { scanCandidates, scanInsights, type ScanCrosstabResult } from "./scan";

const q = (id: string, type: QuestionLite["type"], codes: string[], label = id): QuestionLite => ({
  id,
  label,
  type,
  options: codes.map((c) => ({ code: c, label: c === "fm" ? "Fully mature" : c, count: 10 })),
});

const QUESTIONS: QuestionLite[] = [
  q("rolled_back", "single", ["Yes", "No"]),
  q("guardrails", "ordinal", ["early", "fm"], "Guardrail maturity"),
  q("region", "single", ["north", "south", "east"]),
  q("status", "single", ["Live", "Pilot"]),
  q("notes", "text", []),
  q("channels", "multi", ["a", "b"]),
  q("weight", "weight", []),
];

type Seg = { p: number; n: number; neff?: number; suppressed?: boolean };

/** A fake proportion crosstab: segments with shares, pairs with given p-values, one chi-square p. */
function fake(segs: Record<string, Seg>, pairs: Record<string, number>, chisqP: number): ScanCrosstabResult {
  const names = Object.keys(segs);
  const pairwise: ScanCrosstabResult["pairwise"] = [];
  names.forEach((a, i) =>
    names.slice(i + 1).forEach((b) => {
      const p = pairs[`${a}/${b}`] ?? 0.9;
      const diff = segs[a].p - segs[b].p;
      pairwise.push({ a, b, n_a: segs[a].n, n_b: segs[b].n, unweighted: { diff, p_value_pooled: p }, weighted: { diff, p_value_z: p } });
    }),
  );
  return {
    statistic: "proportion",
    segments: names.map((s) => ({
      segment: s,
      n: segs[s].n,
      n_eff_kish: segs[s].neff ?? segs[s].n / 2,
      suppressed: segs[s].suppressed,
      unweighted: { p: segs[s].p },
      weighted: { p: segs[s].p },
    })),
    pairwise,
    chisq: { binary: { unweighted: { p_value: chisqP }, weighted: { rao_scott_f: { p_value: chisqP } } } },
  };
}

function runner(results: Record<string, ScanCrosstabResult | Error>) {
  const calls: CrosstabSpecInput[] = [];
  const run = async (spec: CrosstabSpecInput) => {
    calls.push(spec);
    const r = results[spec.segment];
    if (!r) throw new Error(`unexpected segment ${spec.segment}`);
    if (r instanceof Error) throw r;
    return r;
  };
  return { run, calls };
}

const OPTS = { outcome: "rolled_back", outcome_category: "Yes", weight: "weight", filters: { status: ["Live"] }, outcomeLabel: "rollback" };

describe("scanCandidates", () => {
  it("scans splitting questions only, never the outcome, the weight or a filter", () => {
    expect(scanCandidates(QUESTIONS, OPTS).map((x) => x.id)).toEqual(["guardrails", "region"]);
    expect(scanCandidates(QUESTIONS, { outcome: "rolled_back" }).map((x) => x.id)).toEqual(["guardrails", "region", "status"]);
  });
});

describe("scanInsights", () => {
  it("reports a difference that survives BH, phrased, with the breakdown it comes from", async () => {
    const { run, calls } = runner({
      guardrails: fake({ early: { p: 0.62, n: 130, neff: 58 }, fm: { p: 0.81, n: 448, neff: 197 } }, { "early/fm": 0.0002 }, 0.0003),
      region: fake({ north: { p: 0.7, n: 200 }, south: { p: 0.72, n: 200 }, east: { p: 0.71, n: 200 } }, {}, 0.8),
    });
    const scan = await scanInsights(QUESTIONS, run, OPTS);
    expect(calls.map((c) => c.segment)).toEqual(["guardrails", "region"]);
    expect(calls[0]).toMatchObject({ outcome: "rolled_back", outcome_category: "Yes", weight: "weight", filters: { status: ["Live"] }, statistic: "proportion" });
    expect(scan.fdr).toMatchObject({ method: "BH", q: 0.05, m: 2 + 1 + 3, weighted: true });
    expect(scan.findings).toHaveLength(1);
    const f = scan.findings[0];
    expect(f.text).toBe("Fully mature: rollback 81% vs 62% for Early, +19 pts, p < 0.001, n = 448".replace("Early", "early"));
    expect(f).toMatchObject({ question: "guardrails", high: "fm", low: "early", significant: true, n_high: 448, n_low: 130 });
    expect(f.diff_pts).toBeCloseTo(19, 6);
    // BH with m = 6: min(6/1 · 0.0002, 6/2 · 0.0003) = 0.0009 (step-up: the running minimum from the top)
    expect(f.q_value).toBeCloseTo(0.0009, 10);
    expect(f.association.p_value).toBe(0.0003);
    expect(f.breakdown).toEqual({ outcome: "rolled_back", category: "Yes", segment: "guardrails", weight: "weight", filters: { status: ["Live"] } });
    expect(parseBreakdownState(new URLSearchParams(f.query))).toEqual(f.breakdown);
    expect(scan.tested.map((t) => [t.question, t.status, t.pairs_tested, t.findings])).toEqual([
      ["guardrails", "tested", 1, 1],
      ["region", "tested", 3, 0],
    ]);
  });

  it("controls the false discovery rate across everything scanned", async () => {
    // 0.01 alone would pass at 0.05; among 20 tests its BH q-value is 0.2
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`r${i}`, { p: 0.5 + i * 0.01, n: 300 }]));
    const { run } = runner({
      guardrails: fake({ early: { p: 0.6, n: 300 }, fm: { p: 0.7, n: 300 } }, { "early/fm": 0.01 }, 0.01),
      region: fake(many, {}, 0.9),
    });
    const scan = await scanInsights(QUESTIONS, run, OPTS);
    expect(scan.fdr.m).toBe(2 + 1 + 15);
    expect(scan.findings).toEqual([]);
    expect(scan.fdr.rejected).toBe(0);
    // …but it is offered as a near miss, clearly flagged
    expect(scan.candidates.map((c) => [c.id, c.significant])).toEqual([["guardrails:fm:early", false]]);
    expect(scan.candidates[0].q_value).toBeGreaterThan(0.05);
  });

  it("ranks findings by the size of the difference, not by the p-value", async () => {
    const { run } = runner({
      guardrails: fake({ early: { p: 0.5, n: 500 }, fm: { p: 0.55, n: 500 } }, { "early/fm": 1e-9 }, 1e-9),
      region: fake({ north: { p: 0.3, n: 400 }, south: { p: 0.6, n: 400 }, east: { p: 0.44, n: 400 } }, { "north/south": 1e-4, "north/east": 1e-3, "south/east": 0.002 }, 1e-5),
    });
    const scan = await scanInsights(QUESTIONS, run, OPTS);
    expect(scan.findings.map((f) => [f.id, Math.round(f.diff_pts)])).toEqual([
      ["region:south:north", 30],
      ["region:south:east", 16],
      ["region:east:north", 14],
      ["guardrails:fm:early", 5],
    ]);
    expect(scan.findings.every((f) => f.significant && f.q_value <= 0.05)).toBe(true);
  });

  it("leaves out segments with a small effective base or suppressed, and keeps going after a failed crosstab", async () => {
    const { run } = runner({
      guardrails: fake({ early: { p: 0.2, n: 40, neff: 29.9 }, fm: { p: 0.9, n: 448, neff: 200 } }, { "early/fm": 1e-12 }, 1e-12),
      region: new Error("analytic rows: 0"),
    });
    const scan = await scanInsights(QUESTIONS, run, OPTS);
    expect(scan.findings).toEqual([]);
    expect(scan.tested[0]).toMatchObject({ question: "guardrails", status: "tested", pairs_tested: 0, pairs_skipped: 1 });
    expect(scan.tested[1]).toMatchObject({ question: "region", status: "error", message: "analytic rows: 0" });
    // a lower threshold lets the pair in
    expect((await scanInsights(QUESTIONS, run, { ...OPTS, minEffectiveN: 20 })).findings).toHaveLength(1);

    const suppressed = runner({
      guardrails: fake({ early: { p: 0.2, n: 400, suppressed: true }, fm: { p: 0.9, n: 448 } }, { "early/fm": 1e-12 }, 1e-12),
      region: fake({ north: { p: 0.3, n: 5 }, south: { p: 0.6, n: 5 } }, {}, 0.5),
    });
    const s2 = await scanInsights(QUESTIONS, suppressed.run, OPTS);
    expect(s2.findings).toEqual([]);
    expect(s2.tested[1]).toMatchObject({ pairs_tested: 0, pairs_skipped: 1 });
  });

  it("uses the unweighted tests without a weight", async () => {
    const r = fake({ early: { p: 0.6, n: 300 }, fm: { p: 0.8, n: 300 } }, {}, 0.001);
    r.pairwise[0].unweighted = { diff: -0.2, p_value_pooled: 1e-6 };
    r.pairwise[0].weighted = { diff: -0.2, p_value_z: 0.5 };
    r.segments[0].weighted = { p: 0.1 };
    const { run, calls } = runner({ guardrails: r, region: fake({ north: { p: 0.5, n: 100 }, south: { p: 0.5, n: 100 } }, {}, 1) });
    const scan = await scanInsights(QUESTIONS, run, { outcome: "rolled_back", outcome_category: "Yes", filters: { status: ["Live"] } });
    expect(calls[0].weight).toBeUndefined();
    expect(scan.fdr.weighted).toBe(false);
    expect(scan.findings[0]).toMatchObject({ p_value: 1e-6, p_low: 0.6, p_high: 0.8 });
    expect(scan.findings[0].text).toBe("Fully mature: rolled back = Yes 80% vs 60% for early, +20 pts, p < 0.001, n = 300");
    expect(scan.findings[0].breakdown.weight).toBeUndefined();
  });

  it("refuses an FDR level outside (0, 1)", async () => {
    await expect(scanInsights(QUESTIONS, runner({}).run, { ...OPTS, q: 0 })).rejects.toThrow(/fdr level/);
  });
});
