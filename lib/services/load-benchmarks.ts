import "server-only";
import fs from "node:fs";
import path from "node:path";
import { benchmarkDatasetSchema } from "@/lib/schema/benchmark";

/**
 * The curated published figures (data/benchmarks/benchmarks.json), validated.
 * @example loadBenchmarks().figures.find((f) => f.id === "sinch-rollback") // { id, value, source, … }
 */
export function loadBenchmarks() {
  return benchmarkDatasetSchema.parse(JSON.parse(fs.readFileSync(path.join(process.cwd(), "data", "benchmarks", "benchmarks.json"), "utf8")));
}
