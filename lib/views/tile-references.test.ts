import { describe, expect, it } from "vitest";
import type { BenchmarkFigure } from "@/lib/schema/benchmark";
import { tileReferences } from "./tile-references";

const figure = (id: string, demoMatch: BenchmarkFigure["demoMatch"], value = 0.74): BenchmarkFigure => ({
  id,
  study: "The AI Production Paradox",
  publisher: "Sinch",
  topic: "rollback",
  label: "Rolled back an agent",
  value,
  unit: "share",
  base: "firms with live agents",
  n: 1571,
  date: "2026",
  source: { title: "Sinch", url: "https://example.org/report" },
  tier: "P",
  singleSource: false,
  caveat: "self-reported",
  demoMatch,
} as BenchmarkFigure);

const live = { column: "agent_status", values: ["Live in production"] };
const figures = [
  figure("overall", { dataset: "ai", outcome: "rolled_back", outcome_category: "Yes", filters: [live] }),
  figure("one-level", { dataset: "ai", outcome: "rolled_back", outcome_category: "Yes", segment: "guardrail_maturity", segment_level: "Fully mature", filters: [live] }, 0.81),
  figure("unfiltered", { dataset: "ai", outcome: "rolled_back", outcome_category: "Yes" }, 0.5),
  figure("no-match", undefined),
];

describe("tileReferences", () => {
  it("draws only overall figures of the same outcome, category and filters", () => {
    const refs = tileReferences(figures, { datasetId: "ai", outcome: "rolled_back", category: "Yes", filters: { agent_status: ["Live in production"] } });
    expect(refs).toEqual([{ value: 74, label: "Sinch 74%", figureId: "overall" }]);
  });

  it("an unfiltered tile gets the unfiltered figure only; another category or dataset none", () => {
    expect(tileReferences(figures, { datasetId: "ai", outcome: "rolled_back", category: "Yes", filters: {} }).map((r) => r.figureId)).toEqual(["unfiltered"]);
    expect(tileReferences(figures, { datasetId: "ai", outcome: "rolled_back", category: "No", filters: {} })).toEqual([]);
    expect(tileReferences(figures, { datasetId: "other", outcome: "rolled_back", category: "Yes", filters: {} })).toEqual([]);
    expect(tileReferences(figures, { datasetId: "ai", outcome: "rolled_back", category: "Yes", filters: { agent_status: ["Live in production", "Piloting"] } })).toEqual([]);
  });
});
