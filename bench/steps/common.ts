/** Helpers shared by the benchmark steps (each step runs in its own process, spawned by bench/run.ts). */
import fs from "node:fs";
import { parseArgs } from "node:util";

/** The line prefix bench/run.ts looks for on a step's stdout. */
export const RESULT_PREFIX = "BENCH_RESULT ";

/** Print the step's result for the orchestrator (one line of JSON). */
export function emit(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/** `--file F --db D --out O` style arguments, all strings. */
export function args(names: string[]): Record<string, string | undefined> {
  const options = Object.fromEntries(names.map((n) => [n, { type: "string" as const }]));
  return parseArgs({ options, allowPositionals: true }).values as Record<string, string | undefined>;
}

/** Remove a DuckDB database file and its WAL. */
export function removeDb(file: string): void {
  for (const f of [file, `${file}.wal`]) fs.rmSync(f, { force: true });
}

/** p-th percentile (nearest rank) of `xs` */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Run `fn` as the step's main, exiting 1 with the error on failure. */
export function main(fn: () => Promise<void>): void {
  fn().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
