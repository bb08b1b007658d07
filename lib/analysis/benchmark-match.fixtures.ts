import fs from "node:fs";
import path from "node:path";
import type { BenchmarkFigure } from "@/lib/schema/benchmark";
import type { MatchDataset } from "./benchmark-match";

interface DemoQuestion {
  column: string;
  label: string;
  type: string;
  optionOrder?: string[];
}

/** A demo dataset's question model as the matcher sees it (codes = labels, as in the demo CSVs). */
export function demoMatchDataset(id: string): MatchDataset {
  const file = path.join(process.cwd(), "data", "demo", `${id}.questions.json`);
  const questions = (JSON.parse(fs.readFileSync(file, "utf8")) as { questions: DemoQuestion[] }).questions;
  return { id, name: id, questions: questions.map((q) => ({ id: q.column, label: q.label, type: q.type, options: (q.optionOrder ?? []).map((o) => ({ code: o, label: o })) })) };
}

/** The curated figures. */
export function curatedFigures(): BenchmarkFigure[] {
  return (JSON.parse(fs.readFileSync(path.join(process.cwd(), "data", "benchmarks", "benchmarks.json"), "utf8")) as { figures: BenchmarkFigure[] }).figures;
}

/** The two demo datasets plus an unrelated HR survey (the "Sales department share" of issue #19). */
export function demoDatasets(): MatchDataset[] {
  const hr: MatchDataset = {
    id: "staff-survey",
    name: "Staff survey",
    questions: [
      { id: "department", label: "Department", type: "single", options: ["Sales", "Engineering", "Finance"].map((o) => ({ code: o, label: o })) },
      { id: "tenure_years", label: "Years at the company", type: "numeric", options: [] },
    ],
  };
  return [hr, demoMatchDataset("ai-agents-production"), demoMatchDataset("ai-agent-identity")];
}
