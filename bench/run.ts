/**
 * `npm run bench [-- --rows N]`: Surveyscope vs DuckDB on a generated survey CSV, side by side.
 * Every measurement runs in its own child process (`node --import tsx --conditions=react-server
 * bench/steps/<step>.ts`), wall time and peak RSS from `/usr/bin/time -v` (else VmHWM polled from
 * /proc), median of `--reps` (3) runs. Engine and peer answers are checked equal (per-cell counts
 * and weighted sums). Writes bench/results/latest.json and prints a table with the targets.
 *
 * Targets are informational: missing one exits 0. A crashed step or a mismatch exits 1.
 *
 * BENCH_NO_TIME=1 forces the /proc fallback. Options: --rows N (100000) --reps R (3) --stages (per-stage ingest timings) --profile (CPU profile
 * of one import, top functions) --keep (keep a ≥1M-row CSV; smaller ones are always kept for reuse)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generate } from "./generate";
import { compareDigests, type CellDigest } from "./schema";
import { RESULT_PREFIX } from "./steps/common";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const TMP = path.join(ROOT, "bench", "tmp");
const RESULTS = path.join(ROOT, "bench", "results");
const TIME = "/usr/bin/time";

interface StepRun {
  wall_s: number;
  peak_rss_mb: number;
  result: Record<string, unknown>;
}

/** Run one step in a fresh process; peak RSS from GNU time, or from /proc VmHWM when time is absent. */
async function step(name: string, stepArgs: string[], nodeFlags: string[] = []): Promise<StepRun> {
  const script = path.join(ROOT, "bench", "steps", `${name}.ts`);
  const nodeArgs = [...nodeFlags, "--import", "tsx", "--conditions=react-server", script, ...stepArgs];
  const useTime = fs.existsSync(TIME) && !process.env.BENCH_NO_TIME;
  const [cmd, argv] = useTime ? [TIME, ["-v", process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const t0 = performance.now();
  const child = spawn(cmd, argv, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let hwmKb = 0;
  const poll = useTime
    ? null
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
          if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
        } catch {
          /* exited */
        }
      }, 20);
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  const wall = (performance.now() - t0) / 1000;
  if (poll) clearInterval(poll);
  if (code !== 0) throw new Error(`step ${name} failed (exit ${code}):\n${stderr.slice(-4000)}`);
  const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) throw new Error(`step ${name} printed no result:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
  if (useTime) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    if (m) hwmKb = Number(m[1]);
  }
  return { wall_s: wall, peak_rss_mb: hwmKb / 1024, result: JSON.parse(line.slice(RESULT_PREFIX.length)) as Record<string, unknown> };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const num = (r: StepRun, ...keys: string[]) => keys.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r.result) as number;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

function log(msg: string) {
  process.stderr.write(`[bench] ${msg}\n`);
}

function machine() {
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? "unknown",
    mem_total_gb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    /** other work on the machine skews the figures: recorded at the start */
    loadavg_1m: round(os.loadavg()[0], 2),
  };
}

/** Top self-time functions of a V8 .cpuprofile. */
function summariseProfile(file: string, top = 15) {
  const prof = JSON.parse(fs.readFileSync(file, "utf8")) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    const f = byId.get(id)!.callFrame;
    // (tsx-transformed modules: V8's line numbers do not map to the sources, so files only)
    const where = f.url ? f.url.replace(/^file:\/\//, "").replace(ROOT + "/", "") : "";
    const key = `${f.functionName || "(anonymous)"} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ fn, self_ms: round(us / 1000, 0), pct: round((100 * us) / total, 1) }));
}

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "100000" },
      reps: { type: "string", default: "3" },
      stages: { type: "boolean", default: false },
      audit: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      out: { type: "string", default: path.join(RESULTS, "latest.json") },
    },
  });
  const rows = Number(values.rows);
  const host = machine();
  const reps = Math.max(1, Number(values.reps));
  fs.mkdirSync(TMP, { recursive: true });
  const csv = path.join(TMP, `survey-${rows}.csv`);
  if (!fs.existsSync(csv)) {
    log(`generating ${rows} rows → ${path.relative(ROOT, csv)}`);
    await generate(rows, csv);
  }
  const bytes = fs.statSync(csv).size;
  const ssDb = path.join(TMP, `surveyscope-${rows}.duckdb`);
  const duckDb = path.join(TMP, `duckdb-${rows}.duckdb`);

  try {
    // ingest: interleaved, so drift (page cache, thermal) hits both sides alike
    const ssImports: StepRun[] = [];
    const duckImports: StepRun[] = [];
    for (let r = 0; r < reps; r++) {
      log(`ingest ${r + 1}/${reps}: surveyscope`);
      ssImports.push(await step("import-surveyscope", ["--file", csv, "--db", ssDb]));
      log(`ingest ${r + 1}/${reps}: duckdb read_csv`);
      duckImports.push(await step("import-duckdb", ["--file", csv, "--db", duckDb]));
    }
    // queries (on the tables the last imports left)
    const ssQueries: StepRun[] = [];
    const duckQueries: StepRun[] = [];
    const mismatches: string[] = [];
    for (let r = 0; r < reps; r++) {
      const dSs = path.join(TMP, "digest-surveyscope.json");
      const dDuck = path.join(TMP, "digest-duckdb.json");
      log(`queries ${r + 1}/${reps}: surveyscope`);
      ssQueries.push(await step("queries-surveyscope", ["--db", ssDb, "--digest", dSs]));
      log(`queries ${r + 1}/${reps}: duckdb`);
      duckQueries.push(await step("queries-duckdb", ["--db", duckDb, "--digest", dDuck]));
      const a = JSON.parse(fs.readFileSync(dSs, "utf8")) as Record<string, CellDigest[]>;
      const b = JSON.parse(fs.readFileSync(dDuck, "utf8")) as Record<string, CellDigest[]>;
      for (const kind of ["crosstab", "multiselect"]) {
        a[kind].forEach((d, i) => {
          const diff = compareDigests(d, b[kind][i]);
          if (diff) mismatches.push(`rep ${r + 1} ${kind} #${i + 1}: ${diff}`);
        });
      }
    }
    const cellsChecked = (JSON.parse(fs.readFileSync(path.join(TMP, "digest-duckdb.json"), "utf8")) as Record<string, CellDigest[]>).crosstab.reduce(
      (s, d) => s + Object.keys(d).length,
      0,
    );

    log("ingest (informational): duckdb read_csv with type sniffing");
    const typed: StepRun | undefined = await step("import-duckdb", ["--file", csv, "--db", path.join(TMP, `duckdb-typed-${rows}.duckdb`), "--typed", "1"]);
    fs.rmSync(path.join(TMP, `duckdb-typed-${rows}.duckdb`), { force: true });

    let stages: Record<string, unknown> | undefined;
    if (values.stages) {
      log("ingest stages");
      stages = (await step("ingest-stages", ["--file", csv])).result;
    }
    // the differencing audit of an aggregate-only viewer with a long history (pure, synthetic rows)
    let audit: Record<string, unknown> | undefined;
    if (values.audit) {
      log("differencing audit");
      audit = (await step("differencing-audit", ["--rows", String(rows), "--requests", "20", "--asks", "5"])).result;
    }
    let profile: unknown;
    if (values.profile) {
      log("CPU profile of one import");
      const dir = path.join(TMP, "prof");
      fs.rmSync(dir, { recursive: true, force: true });
      await step("import-surveyscope", ["--file", csv, "--db", ssDb], ["--cpu-prof", "--cpu-prof-dir", dir]);
      const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
      const biggest = files.map((f) => path.join(dir, f)).sort((x, y) => fs.statSync(y).size - fs.statSync(x).size)[0];
      profile = { file: path.relative(ROOT, biggest), top_self: summariseProfile(biggest) };
    }

    const ssS = median(ssImports.map((r) => num(r, "seconds")));
    const duckS = median(duckImports.map((r) => num(r, "seconds")));
    const ssRss = median(ssImports.map((r) => r.peak_rss_mb));
    const xtSs50 = median(ssQueries.map((r) => num(r, "crosstab", "p50_ms")));
    const xtDuck50 = median(duckQueries.map((r) => num(r, "crosstab", "p50_ms")));
    const msSs50 = median(ssQueries.map((r) => num(r, "multiselect", "p50_ms")));
    const xtSsCold50 = median(ssQueries.map((r) => num(r, "crosstab", "cold_p50_ms")));
    const msSsCold50 = median(ssQueries.map((r) => num(r, "multiselect", "cold_p50_ms")));
    const msDuck50 = median(duckQueries.map((r) => num(r, "multiselect", "p50_ms")));
    const apiOver = median(ssQueries.map((r) => num(r, "api", "overhead_p50_ms")));
    const first = ssImports[0].result;
    const results = {
      rows,
      bytes,
      reps,
      machine: { ...host, loadavg_1m_end: round(os.loadavg()[0], 2), duckdb: duckImports[0].result.duckdb_version },
      ingest: {
        surveyscope_s: round(ssS),
        duckdb_s: round(duckS),
        ratio: round(ssS / duckS, 2),
        surveyscope_peak_rss_mb: round(ssRss, 0),
        duckdb_peak_rss_mb: round(median(duckImports.map((r) => r.peak_rss_mb)), 0),
        surveyscope_process_wall_s: round(median(ssImports.map((r) => r.wall_s))),
        duckdb_process_wall_s: round(median(duckImports.map((r) => r.wall_s))),
        surveyscope_rows_per_s: Math.round(rows / ssS),
        duckdb_typed_s: typed ? round(num(typed, "seconds")) : undefined,
        surveyscope_runs_s: ssImports.map((r) => round(num(r, "seconds"))),
        duckdb_runs_s: duckImports.map((r) => round(num(r, "seconds"))),
        detected: { format: first.format, questions: first.questions, multi: first.multi, respondents: first.respondents },
        ...(stages ? { stages } : {}),
      },
      ...(audit ? { differencing_audit: audit } : {}),
      crosstab: {
        surveyscope_p50_ms: round(xtSs50, 2),
        surveyscope_p95_ms: round(median(ssQueries.map((r) => num(r, "crosstab", "p95_ms"))), 2),
        duckdb_p50_ms: round(xtDuck50, 2),
        duckdb_p95_ms: round(median(duckQueries.map((r) => num(r, "crosstab", "p95_ms"))), 2),
        ratio_p50: round(xtSs50 / xtDuck50, 2),
        // first ask of each spec (no cached sums): the engine's own speed
        surveyscope_cold_p50_ms: round(xtSsCold50, 2),
        surveyscope_cold_p95_ms: round(median(ssQueries.map((r) => num(r, "crosstab", "cold_p95_ms"))), 2),
        cold_ratio_p50: round(xtSsCold50 / xtDuck50, 2),
      },
      multiselect: {
        surveyscope_p50_ms: round(msSs50, 2),
        surveyscope_p95_ms: round(median(ssQueries.map((r) => num(r, "multiselect", "p95_ms"))), 2),
        duckdb_p50_ms: round(msDuck50, 2),
        duckdb_p95_ms: round(median(duckQueries.map((r) => num(r, "multiselect", "p95_ms"))), 2),
        ratio_p50: round(msSs50 / msDuck50, 2),
        surveyscope_cold_p50_ms: round(msSsCold50, 2),
        cold_ratio_p50: round(msSsCold50 / msDuck50, 2),
      },
      api: {
        p50_ms: round(median(ssQueries.map((r) => num(r, "api", "p50_ms"))), 2),
        overhead_p50_ms: round(apiOver, 2),
        note: "route work around the engine (body read, dataset lookup, JSON response), without sign-in/token checks",
      },
      check: { equal: mismatches.length === 0, queries: 100 * reps, crosstab_cells_per_rep: cellsChecked, mismatches: mismatches.slice(0, 20) },
      ...(profile ? { profile } : {}),
    };
    fs.mkdirSync(path.dirname(values.out), { recursive: true });
    fs.writeFileSync(values.out, JSON.stringify(results, null, 2) + "\n");
    printTable(results);
    process.stdout.write(`\nwritten: ${path.relative(ROOT, values.out)}\n`);
    if (mismatches.length) {
      process.stderr.write(`engine and DuckDB disagree:\n${mismatches.slice(0, 20).join("\n")}\n`);
      process.exitCode = 1;
    }
  } finally {
    for (const f of [ssDb, duckDb]) for (const x of [f, `${f}.wal`]) fs.rmSync(x, { force: true });
    if (rows >= 1_000_000 && !values.keep) fs.rmSync(csv, { force: true });
  }
}

interface Printable {
  rows: number;
  bytes: number;
  reps: number;
  machine: Record<string, unknown>;
  ingest: { surveyscope_s: number; duckdb_s: number; ratio: number; surveyscope_peak_rss_mb: number; duckdb_peak_rss_mb: number; surveyscope_rows_per_s: number; duckdb_typed_s?: number };
  crosstab: { surveyscope_p50_ms: number; surveyscope_p95_ms: number; duckdb_p50_ms: number; duckdb_p95_ms: number; ratio_p50: number; surveyscope_cold_p50_ms: number; cold_ratio_p50: number };
  multiselect: { surveyscope_p50_ms: number; surveyscope_p95_ms: number; duckdb_p50_ms: number; duckdb_p95_ms: number; ratio_p50: number; surveyscope_cold_p50_ms: number; cold_ratio_p50: number };
  api: { overhead_p50_ms: number };
  check: { equal: boolean; queries: number };
}

function printTable(r: Printable) {
  const m = r.machine;
  const ok = (b: boolean) => (b ? "met" : "NOT met");
  const rowsOut: string[][] = [
    ["metric", "Surveyscope", "DuckDB", "ratio", "target", "status"],
    ["ingest (s)", r.ingest.surveyscope_s.toFixed(2), r.ingest.duckdb_s.toFixed(2), `${r.ingest.ratio}x`, "≤ 1.25x", ok(r.ingest.ratio <= 1.25)],
    ["ingest peak RSS (MB)", String(r.ingest.surveyscope_peak_rss_mb), String(r.ingest.duckdb_peak_rss_mb), "", "≤ 1536", ok(r.ingest.surveyscope_peak_rss_mb <= 1536)],
    ["crosstab p50 (ms)", r.crosstab.surveyscope_p50_ms.toFixed(1), r.crosstab.duckdb_p50_ms.toFixed(1), `${r.crosstab.ratio_p50}x`, "≤ 0.5x", ok(r.crosstab.ratio_p50 <= 0.5)],
    ["crosstab p50, first ask (ms)", r.crosstab.surveyscope_cold_p50_ms.toFixed(1), r.crosstab.duckdb_p50_ms.toFixed(1), `${r.crosstab.cold_ratio_p50}x`, "(no cache)", ""],
    ["crosstab p95 (ms)", r.crosstab.surveyscope_p95_ms.toFixed(1), r.crosstab.duckdb_p95_ms.toFixed(1), "", "", ""],
    ["multi-select p50 (ms)", r.multiselect.surveyscope_p50_ms.toFixed(1), r.multiselect.duckdb_p50_ms.toFixed(1), `${r.multiselect.ratio_p50}x`, "", ""],
    ["multi-select p50, first ask (ms)", r.multiselect.surveyscope_cold_p50_ms.toFixed(1), r.multiselect.duckdb_p50_ms.toFixed(1), `${r.multiselect.cold_ratio_p50}x`, "(no cache)", ""],
    ["multi-select p95 (ms)", r.multiselect.surveyscope_p95_ms.toFixed(1), r.multiselect.duckdb_p95_ms.toFixed(1), "", "", ""],
    ["API over engine p50 (ms)", r.api.overhead_p50_ms.toFixed(2), "", "", "< 5", ok(r.api.overhead_p50_ms < 5)],
    ["results equal", r.check.equal ? `yes (${r.check.queries} queries)` : "NO", "", "", "equal", ok(r.check.equal)],
  ];
  const widths = rowsOut[0].map((_, i) => Math.max(...rowsOut.map((x) => x[i].length)));
  const fmt = (x: string[]) => x.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  process.stdout.write(
    `\nSurveyscope bench: ${r.rows} rows, ${(r.bytes / 1e6).toFixed(1)} MB, median of ${r.reps}; ${m.nproc} CPUs, ${m.mem_total_gb} GB, node ${m.node}, DuckDB ${m.duckdb}\n`,
  );
  process.stdout.write(`${fmt(rowsOut[0])}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${rowsOut.slice(1).map(fmt).join("\n")}\n`);
  process.stdout.write(
    `import throughput: ${r.ingest.surveyscope_rows_per_s} rows/s; DuckDB read_csv with type sniffing: ${r.ingest.duckdb_typed_s ?? "-"} s (informational)\n(targets are informational: the bench never fails on them)\n`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
