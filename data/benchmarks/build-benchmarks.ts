import { type BenchmarkDataset, type BenchmarkFigure, benchmarkDatasetSchema } from "@/lib/schema/benchmark";
import { AKEYLESS } from "./sources/akeyless";
import { PEERS_CONSULTING } from "./sources/peers-consulting";
import { PEERS_ENTERPRISE } from "./sources/peers-enterprise";
import { PEERS_IDENTITY } from "./sources/peers-identity";
import { PEERS_SECURITY } from "./sources/peers-security";
import { SINCH } from "./sources/sinch";
import { SERIES } from "./sources/series";

/** Bump on every curation change: patch for wording, minor for added figures, major for removed or re-valued ones. */
export const BENCHMARKS_VERSION = "1.1.0";
/** Date of the last curation (research/benchmarks.md as of this date). */
export const BENCHMARKS_UPDATED = "2026-12-07";

/**
 * The curated benchmark dataset, validated. Pure and deterministic, so a test can compare it with
 * the committed `benchmarks.json`.
 *
 * @example
 * buildBenchmarks().figures.find((f) => f.id === "sinch-rollback-shipped")?.value; // 0.74
 */
export function buildBenchmarks(): BenchmarkDataset {
  return benchmarkDatasetSchema.parse({
    version: BENCHMARKS_VERSION,
    updated: BENCHMARKS_UPDATED,
    figures: withSeries([...SINCH, ...AKEYLESS, ...PEERS_SECURITY, ...PEERS_IDENTITY, ...PEERS_ENTERPRISE, ...PEERS_CONSULTING]),
  });
}

/** Each figure with its curated series (sources/series.ts); a series naming an unknown figure, or mixing studies or units, is an error. */
function withSeries(figures: BenchmarkFigure[]): BenchmarkFigure[] {
  const refs = new Map<string, NonNullable<BenchmarkFigure["series"]>>();
  for (const s of SERIES) {
    const members = s.members.map(([id]) => figures.find((f) => f.id === id));
    if (members.some((f) => !f)) throw new Error(`series ${s.id} names an unknown figure`);
    if (new Set(members.map((f) => `${f!.study}|${f!.unit}`)).size !== 1) throw new Error(`series ${s.id} mixes studies or units`);
    s.members.forEach(([id, level], order) => {
      if (refs.has(id)) throw new Error(`figure ${id} is in two series`);
      refs.set(id, { id: s.id, title: s.title, dimension: s.dimension, level, order });
    });
  }
  return figures.map((f) => (refs.has(f.id) ? { ...f, series: refs.get(f.id) } : f));
}

/**
 * The exact text of `benchmarks.json` (2-space JSON, trailing newline).
 *
 * @example
 * writeFileSync("data/benchmarks/benchmarks.json", benchmarksJson());
 */
export function benchmarksJson(): string {
  return `${JSON.stringify(buildBenchmarks(), null, 2)}\n`;
}
