/**
 * Writes data/benchmarks/benchmarks.json from the curated sources in data/benchmarks/sources:
 * `npx tsx data/benchmarks/generate.ts`.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchmarksJson, buildBenchmarks } from "./build-benchmarks";

const out = join(dirname(fileURLToPath(import.meta.url)), "benchmarks.json");
writeFileSync(out, benchmarksJson(), "utf8");
console.log(`wrote data/benchmarks/benchmarks.json (${buildBenchmarks().figures.length} figures)`);
