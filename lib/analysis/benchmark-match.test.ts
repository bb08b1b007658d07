import { describe, expect, it } from "vitest";
import { curatedFigures, demoDatasets } from "./benchmark-match.fixtures";
import { answerChoices, defaultMatch, rankMatches, suggestMatches } from "./benchmark-match";

const datasets = demoDatasets();
const figures = curatedFigures();
const fig = (id: string) => figures.find((f) => f.id === id)!;
const same = (a: string | string[] | null | undefined, b: string | string[] | null | undefined) => JSON.stringify([a ?? null].flat().sort()) === JSON.stringify([b ?? null].flat().sort());

describe("rankMatches on the curated figures and the demo datasets", () => {
  // the curated demoMatch of each figure is the reading a researcher chose: the ground truth
  const truth = figures.filter((f) => f.demoMatch);

  it("ranks the curated reading first for most figures and never suggests the HR survey", () => {
    let top1 = 0;
    for (const f of truth) {
      const m = f.demoMatch!;
      const [top] = rankMatches(f, datasets);
      if (top.datasetId === m.dataset && top.outcome === m.outcome && same(top.category, m.outcome_category)) top1 += 1;
    }
    expect(truth.length).toBe(40);
    expect(top1).toBeGreaterThanOrEqual(33);
    for (const f of figures) expect(suggestMatches(f, datasets).some((s) => s.datasetId === "staff-survey")).toBe(false);
  }, 30_000);

  it("every strong default of a figure with a curated reading is that reading", () => {
    for (const f of truth) {
      const d = defaultMatch(f, datasets);
      if (!d) continue;
      expect(d.outcome, f.id).toBe(f.demoMatch!.outcome);
    }
  }, 30_000);

  it("never defaults to the first question when nothing matches (issue #19: 'Sales department share')", () => {
    const none = { label: "Average payback period of customer loyalty schemes", base: "All respondents", unit: "share" };
    expect(defaultMatch(none, datasets)).toBeNull();
    expect(suggestMatches(none, datasets)).toEqual([]);
  });

  it("prefers the answer with the same polarity and the NET that names both boxes", () => {
    const [stop] = rankMatches(fig("akeyless-controls-would-stop"), datasets);
    expect(stop.outcome).toBe("controls_would_stop");
    expect(String(stop.category)).toMatch(/^Yes/);
    const [important] = rankMatches(fig("sinch-infrastructure-important"), datasets);
    expect([important.category].flat().sort()).toEqual(["Essential", "Very important"]);
  });

  it("proposes the segment level a figure is about (Brazil)", () => {
    const [top] = rankMatches(fig("sinch-brazil-live"), datasets);
    expect([top.outcome, top.segment, top.column, top.strength]).toEqual(["agent_status", "country", "Brazil", "strong"]);
  });

  it("a one-word definition ('Rollback rate') is never a strong match on its own", () => {
    expect(rankMatches(fig("sinch-rollback-fully-mature"), datasets)[0].strength).not.toBe("strong");
  });

  it("suggests numeric questions for means, answers for shares", () => {
    const [hours] = suggestMatches(fig("akeyless-detect-hours"), datasets);
    expect([hours.outcome, hours.kind]).toEqual(["detect_hours", "mean"]);
    expect(suggestMatches(fig("sinch-live-production"), datasets).every((s) => s.kind === "share")).toBe(true);
  });

  it("adds top-2 and bottom-2 boxes for scales of four or more points", () => {
    const q = { id: "q", label: "Q", type: "ordinal", options: ["A", "B", "C", "D"].map((c) => ({ code: c, label: c })) };
    expect(answerChoices(q).map((a) => a.category)).toEqual(["A", "B", "C", "D", ["A", "B"], ["C", "D"]]);
  });
});
