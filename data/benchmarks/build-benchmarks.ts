import { type BenchmarkDataset, benchmarkDatasetSchema } from "@/lib/schema/benchmark";
import { AKEYLESS } from "./sources/akeyless";
import { PEERS_CONSULTING } from "./sources/peers-consulting";
import { PEERS_ENTERPRISE } from "./sources/peers-enterprise";
import { PEERS_IDENTITY } from "./sources/peers-identity";
import { PEERS_SECURITY } from "./sources/peers-security";
import { SINCH } from "./sources/sinch";

/** Bump on every curation change: patch for wording, minor for added figures, major for removed or re-valued ones. */
export const BENCHMARKS_VERSION = "1.0.0";
/** Date of the last curation (research/benchmarks.md as of this date). */
export const BENCHMARKS_UPDATED = "2026-11-24";

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
    figures: [...SINCH, ...AKEYLESS, ...PEERS_SECURITY, ...PEERS_IDENTITY, ...PEERS_ENTERPRISE, ...PEERS_CONSULTING],
  });
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
