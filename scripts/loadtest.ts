/**
 * `npm run loadtest [-- --quick]`: two app instances on one PostgreSQL under load, then faults.
 * Loopback only, bounded (≈ 3 min in full mode, ≈ 1 min with --quick). Needs `npm run build`
 * first (it builds nothing) and a PostgreSQL at LOADTEST_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/test); it works in its own schema `ss_loadtest`, dropped
 * before and after.
 *
 * 1. seeds the demo into the schema (`cli seed`), creates an admin API token (`cli token create`);
 * 2. starts two `next start` instances (ports 3301, 3302) on the same DATABASE_URL;
 * 3. load: N simulated dashboard users for D seconds (GET a dataset page with a session cookie,
 *    POST a crosstab with the bearer token, alternating instances) while two large uploads (the
 *    bench generator's CSV: 1M rows ≈ 400 MB each; 20k rows with --quick) stream in, one per
 *    instance: zero errors expected, p95 latency and per-instance peak RSS (VmHWM) reported;
 * 4. kill -9 of instance B mid-upload: no partial dataset (listed via A, and no orphan data
 *    table in the schema), A keeps serving, B restarted lists the same datasets as A;
 * 5. PostgreSQL restart (`pg_ctlcluster <ver> main restart`): both instances answer again
 *    without being restarted (the pg pools reconnect).
 * Prints a table, writes bench/results/loadtest.json (server output: bench/tmp/loadtest-{A,B}.log);
 * exits 1 when a check fails.
 */
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { generate } from "../bench/generate";
import { AppInstance, log, percentile, request, ROOT, sleep, upload, type Upload } from "./loadtest-lib";

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const QUICK = values.quick;
const CFG = QUICK ? { users: 10, seconds: 15, uploadRows: 20_000, killUploadRows: 100_000 } : { users: 50, seconds: 60, uploadRows: 1_000_000, killUploadRows: 1_000_000 };
const PG_URL = process.env.LOADTEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SCHEMA = "ss_loadtest";
const ADMIN = { email: "loadtest-admin@surveyscope.local", password: `lt-${crypto.randomBytes(9).toString("hex")}` };
const checks: { check: string; ok: boolean; detail: string }[] = [];
const check = (name: string, ok: boolean, detail = "") => {
  checks.push({ check: name, ok, detail });
  log(`${ok ? "PASS" : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
};

async function withPg<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function cli(env: NodeJS.ProcessEnv, args: string[]): string {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "cli/main.ts", ...args], { cwd: ROOT, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`cli ${args.join(" ")} failed:\n${r.stderr}`);
  return r.stdout;
}

async function csvOf(rows: number): Promise<string> {
  const file = path.join(ROOT, "bench", "tmp", `survey-${rows}.csv`);
  if (!fs.existsSync(file)) {
    log(`generating ${file}`);
    await generate(rows, file);
  }
  return file;
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    process.stderr.write("no production build: run `npm run build` first\n");
    return 2;
  }
  const started = Date.now();
  for (const n of ["A", "B"]) fs.rmSync(path.join(ROOT, "bench", "tmp", `loadtest-${n}.log`), { force: true });
  await withPg((c) => c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ss-loadtest-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `${PG_URL}?schema=${SCHEMA}`,
    DATA_DIR: dataDir,
    BETTER_AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // every simulated user shares one admin token: the per-user query budget (C41) would answer 429
    QUERY_BUDGET_PER_MINUTE: "0",
  };
  const [a, b] = [new AppInstance("A", 3301, env), new AppInstance("B", 3302, env)];
  const result: Record<string, unknown> = { mode: QUICK ? "quick" : "full", config: CFG, date: new Date().toISOString(), nproc: os.cpus().length };
  try {
    log(`seeding the demo into ${SCHEMA}`);
    cli(env, ["seed"]);
    const token = cli(env, ["token", "create", "--email", ADMIN.email, "--role", "admin"]).trim().split("\n").pop()!;
    const bearer = { authorization: `Bearer ${token}` };
    const [bigCsv, killCsv] = [await csvOf(CFG.uploadRows), await csvOf(CFG.killUploadRows)];
    log("starting instances A (3301) and B (3302)");
    await Promise.all([a.start(), b.start()]);

    // a session cookie (sessions live in PostgreSQL, so it works on both instances)
    const signIn = await fetch(`${a.url}/api/auth/sign-in/email`, { method: "POST", body: JSON.stringify(ADMIN), headers: { "content-type": "application/json", origin: a.url } });
    if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${(await signIn.text()).slice(0, 200)}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "data", "demo", "manifest.json"), "utf8")) as {
      datasets: { id: string; headline: { outcome: string; outcome_category: string; segment: string; weight?: string; filters?: { column: string; values: string[] }[] } }[];
    };
    const demo = manifest.datasets[0];
    const spec = JSON.stringify({ ...demo.headline, filters: Object.fromEntries((demo.headline.filters ?? []).map((f) => [f.column, f.values])), title: undefined, benchmarkIds: undefined });
    const probe = await request(a, "POST", `/api/datasets/${demo.id}/crosstab`, { body: spec, headers: bearer });
    if (probe.status !== 200) throw new Error(`crosstab probe failed: ${probe.status} ${probe.body.slice(0, 300)}`);

    // ---- load: users + two concurrent uploads
    log(`load: ${CFG.users} users for ${CFG.seconds} s + uploads of ${(fs.statSync(bigCsv).size / 1e6).toFixed(0)} MB to A and B`);
    const lat: number[] = [];
    const latPage: number[] = [];
    const latXt: number[] = [];
    const errors: string[] = [];
    const deadline = Date.now() + CFG.seconds * 1000;
    const uploads: Upload[] = [upload(a, token, bigCsv, "loadtest-upload-a"), upload(b, token, bigCsv, "loadtest-upload-b")];
    const user = async (i: number) => {
      let n = i;
      while (Date.now() < deadline) {
        const inst = n++ % 2 ? b : a;
        const page = n % 3 === 0 ? "/" : `/datasets/${demo.id}`;
        for (const [kind, run] of [
          ["page", () => request(inst, "GET", page, { headers: { cookie } })],
          ["crosstab", () => request(inst, "POST", `/api/datasets/${demo.id}/crosstab`, { body: spec, headers: bearer })],
        ] as const) {
          try {
            const r = await run();
            if (r.status !== 200) errors.push(`${kind} ${inst.name} ${r.status} ${r.body.slice(0, 120)}`);
            lat.push(r.ms);
            (kind === "page" ? latPage : latXt).push(r.ms);
          } catch (e) {
            errors.push(`${kind} ${inst.name} ${String(e)}`);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: CFG.users }, (_, i) => user(i)));
    result.load = {
      requests: lat.length,
      errors: errors.length,
      error_samples: errors.slice(0, 5),
      p50_ms: Math.round(percentile(lat, 50)),
      p95_ms: Math.round(percentile(lat, 95)),
      page_p95_ms: Math.round(percentile(latPage, 95)),
      crosstab_p95_ms: Math.round(percentile(latXt, 95)),
      upload_progress_at_end: uploads.map((u) => `${u.name}: ${((100 * u.sent) / u.bytes).toFixed(0)} % sent`),
    };
    check("zero errors under load", errors.length === 0, `${lat.length} requests, ${errors.length} errors, p95 ${Math.round(percentile(lat, 95))} ms`);

    // ---- kill -9 of B mid-upload (the one still streaming to B, else a fresh one)
    let victim = uploads[1];
    const bDone = await Promise.race([victim.done.then(() => true), sleep(10).then(() => false)]);
    if (bDone) {
      victim = upload(b, token, killCsv, "loadtest-upload-killed");
      while (victim.sent < victim.bytes * 0.3) await sleep(100);
    }
    log(`kill -9 of B while ${victim.name} is ${((100 * victim.sent) / victim.bytes).toFixed(0)} % sent`);
    b.kill9();
    const killed = await victim.done;
    check("the cut upload failed on the client", killed.status === 0 || killed.status >= 500, `status ${killed.status}`);
    const aServes: number[] = [];
    for (let i = 0; i < 10; i++) aServes.push((await request(a, "POST", `/api/datasets/${demo.id}/crosstab`, { body: spec, headers: bearer }).catch(() => ({ status: 0 }))).status);
    check("A keeps serving after B was killed", aServes.every((s) => s === 200), aServes.join(","));
    log("waiting for the upload to A to finish");
    const upA = await Promise.race([uploads[0].done, sleep(QUICK ? 120_000 : 300_000).then(() => ({ status: -1, body: "still running", ms: 0 }))]);
    check("the upload to A completed", upA.status === 201, `status ${upA.status} in ${(upA.ms / 1000).toFixed(1)} s`);
    // PostgreSQL notices the dead client and rolls back; wait for that before looking
    let orphans: string[] = [];
    for (let i = 0; i < 50; i++) {
      orphans = await withPg(async (c) =>
        (
          await c.query(
            `SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename LIKE 'd\\_%' AND tablename NOT IN (SELECT data_table FROM ${SCHEMA}.datasets)`,
            [SCHEMA],
          )
        ).rows.map((r: { tablename: string }) => r.tablename),
      );
      if (!orphans.length) break;
      await sleep(200);
    }
    const listA = JSON.parse((await request(a, "GET", "/api/datasets", { headers: bearer })).body) as { datasets: { id: string; name: string; version: number }[] };
    const partial = listA.datasets.filter((d) => d.name === victim.name);
    check("no partial dataset after kill -9", partial.length === 0 && orphans.length === 0, `${partial.length} listed, ${orphans.length} orphan tables`);
    log("restarting B");
    await b.start();
    const listB = JSON.parse((await request(b, "GET", "/api/datasets", { headers: bearer })).body) as typeof listA;
    const ids = (l: typeof listA) => l.datasets.map((d) => `${d.id}@${d.version}`).sort().join(",");
    check("restarted B lists the same datasets as A", ids(listA) === ids(listB), `${listA.datasets.length} datasets`);

    // ---- PostgreSQL restart
    const ver = execFileSync("pg_lsclusters", ["-h"], { encoding: "utf8" }).trim().split("\n")[0].split(/\s+/)[0];
    log(`restarting PostgreSQL ${ver}`);
    const t0 = Date.now();
    execFileSync("pg_ctlcluster", [ver, "main", "restart"]);
    const recovered: Record<string, number | null> = {};
    for (const inst of [a, b]) {
      recovered[inst.name] = null;
      for (let i = 0; i < 100; i++) {
        const r = await request(inst, "POST", `/api/datasets/${demo.id}/crosstab`, { body: spec, headers: bearer }).catch(() => ({ status: 0 }));
        if (r.status === 200) {
          recovered[inst.name] = Date.now() - t0;
          break;
        }
        await sleep(300);
      }
    }
    const after = await Promise.all([a, b].map((i) => request(i, "GET", "/api/datasets", { headers: bearer }).then((r) => r.status)));
    check("both instances recover after a PostgreSQL restart", recovered.A !== null && recovered.B !== null && after.every((s) => s === 200), `recovered in ${recovered.A} / ${recovered.B} ms`);
    result.faults = { killed_upload: victim.name, killed_status: killed.status, orphan_tables: orphans, pg_restart_recovered_ms: recovered };
  } catch (e) {
    check("run", false, e instanceof Error ? e.message.slice(0, 500) : String(e));
  } finally {
    result.peak_rss_mb = { A: Math.round(a.peakRssMb), B: Math.round(b.peakRssMb) };
    check("no instance above 2 GB RSS", a.peakRssMb < 2048 && b.peakRssMb < 2048, `A ${Math.round(a.peakRssMb)} MB, B ${Math.round(b.peakRssMb)} MB`);
    await Promise.all([a.stop(), b.stop()]);
    await withPg((c) => c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  result.checks = checks;
  result.seconds = Math.round((Date.now() - started) / 1000);
  const out = path.join(ROOT, "bench", "results", "loadtest.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
  const load = result.load as Record<string, unknown> | undefined;
  const rows = [
    ["check", "result", "detail"],
    ...checks.map((c) => [c.check, c.ok ? "pass" : "FAIL", c.detail]),
    ["p95 dashboard latency (ms)", String(load?.p95_ms ?? "-"), `page ${load?.page_p95_ms ?? "-"}, crosstab ${load?.crosstab_p95_ms ?? "-"}`],
  ];
  const w = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
  process.stdout.write(`\nSurveyscope loadtest (${result.mode}, ${result.seconds} s)\n${rows.map((r) => `${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2]}`).join("\n")}\nwritten: bench/results/loadtest.json\n`);
  return checks.every((c) => c.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
