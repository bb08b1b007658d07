/**
 * Step: the 50 crosstabs and 50 multi-select queries through Surveyscope's engine and its
 * disclosure gateway (`releaseSuppressedCrosstab`: spec parse + resolve, the store's cell-sums SQL,
 * full statistics: SEs, CIs, pairwise tests, Rao–Scott; then small cells, complements, chi-square
 * beside hidden cells, magnitude rules, the release opened as the JSON helper does, as for an
 * aggregate-only caller; the differencing history's database round trip is not included), each timed end to end
 * after a warm-up pass: once with the store's caches emptied before each query ("cold", the
 * first ask of a spec) and once as a dashboard re-asking it (cached per dataset version and plan). Also times the crosstab route's own work around the engine (JSON body read,
 * dataset lookup, JSON response serialised) — without sign-in/token checks, which need a server.
 * Writes each query's analytic cells (n, Σw) to `--digest` for the equality check.
 *
 * Usage: node --import tsx --conditions=react-server bench/steps/queries-surveyscope.ts --db D --digest OUT.json
 */
import fs from "node:fs";
import type { CrosstabInput } from "@/lib/schema/cell-sums";
import type { Dataset } from "@/lib/schema/dataset";
import { readJson } from "@/lib/server/read-json";
import { json } from "@/lib/server/responses";
import { runCrosstab } from "@/lib/services/crosstab";
import { releaseSuppressedCrosstab } from "@/lib/services/gateway";
import { openReleased } from "@/lib/disclosure/gateway";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import type { SurveyStore } from "@/lib/store/types";
import { compareDigests, crosstabQueries, multiQueries, type CellDigest, type CrosstabQuery } from "../schema";
import { args, emit, main, percentile } from "./common";

function questionIdOf(dataset: Dataset, header: string): string {
  const column = dataset.columns.find((c) => c.headers[0] === header);
  const q = column && dataset.questions.find((x) => x.columns[0] === column.name);
  if (!q) throw new Error(`no question for column ${header}`);
  return q.id;
}

function specOf(dataset: Dataset, q: CrosstabQuery) {
  return {
    outcome: questionIdOf(dataset, q.outcome),
    outcome_category: q.outcomeCategory,
    segment: questionIdOf(dataset, q.segment),
    weight: questionIdOf(dataset, "weight"),
    filters: Object.fromEntries(q.filters.map(([h, v]) => [questionIdOf(dataset, h), v])),
  };
}

function digest(input: CrosstabInput): CellDigest {
  const out: CellDigest = {};
  for (const c of input.cells) out[`${c.segment}\u0001${c.outcome}`] = [c.n, c.sw];
  return out;
}

main(async () => {
  const a = args(["db", "digest"]);
  const store = await DuckDbStore.open(a.db!);
  let last: CrosstabInput | null = null;
  // the same store, with cellSums' answer kept for the equality check (no extra work)
  const capturing = new Proxy(store, {
    get(target, prop) {
      if (prop === "cellSums") {
        return async (...p: Parameters<SurveyStore["cellSums"]>) => (last = await target.cellSums(...p));
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === "function" ? v.bind(target) : v;
    },
  }) as SurveyStore;
  const dataset = (await store.getDataset("bench"))!;
  const xt = crosstabQueries().map((q) => specOf(dataset, q));
  // one ask as an aggregate-only caller gets it: the engine, then the gateway
  const rules = { k: 5, sensitive: false, role: "viewer" as const };
  const ask = async (s: SurveyStore, spec: ReturnType<typeof specOf>) => openReleased(await releaseSuppressedCrosstab(s, dataset, spec, rules));
  const ms = multiQueries().map((q) => specOf(dataset, q));

  // warm-up: every query once (DuckDB buffers, JIT)
  for (const spec of [...xt, ...ms]) await runCrosstab(capturing, dataset, spec, { missing: "declared" });

  // "cold": the store's caches emptied before each query (dataset table, typed columns, segment
  // levels, cell sums), i.e. the first ask of a spec: the engine's own speed
  const cold = async (specs: ReturnType<typeof specOf>[]) => {
    const ms: number[] = [];
    const cells: CellDigest[] = [];
    for (const spec of specs) {
      store.clearCache();
      const t0 = performance.now();
      await ask(capturing, spec);
      ms.push(performance.now() - t0);
      cells.push(digest(last!));
    }
    return { ms, cells };
  };
  const xtCold = await cold(xt);
  const msCold = await cold(ms);
  // refill the caches (the cold passes emptied them), then time the dashboard case
  for (const spec of [...xt, ...ms]) await runCrosstab(capturing, dataset, spec, { missing: "declared" });

  const time = async (specs: ReturnType<typeof specOf>[]) => {
    const ms: number[] = [];
    const cells: CellDigest[] = [];
    for (const spec of specs) {
      const t0 = performance.now();
      const res = await ask(capturing, spec);
      ms.push(performance.now() - t0);
      if (!res || !last) throw new Error("no result");
      cells.push(digest(last));
    }
    return { ms, cells };
  };
  const c = await time(xt);
  const m = await time(ms);
  // cached answers must be the computed ones (the peer check below compares the cached pass)
  const differ = [...xtCold.cells.map((d, i) => compareDigests(d, c.cells[i])), ...msCold.cells.map((d, i) => compareDigests(d, m.cells[i]))].find((x) => x);
  if (differ) throw new Error(`cached cell sums differ from computed ones: ${differ}`);

  // the route's work around the engine: read the JSON body, load the dataset, run, serialise
  const api: number[] = [];
  for (const spec of xt) {
    const t0 = performance.now();
    const req = new Request("http://localhost/api/datasets/bench/crosstab", { method: "POST", body: JSON.stringify(spec), headers: { "content-type": "application/json" } });
    const body = await readJson(req, 64 * 1024);
    const ds = await store.getDataset("bench");
    const res = json(openReleased(await releaseSuppressedCrosstab(store, ds!, body, rules)));
    await res.text();
    api.push(performance.now() - t0);
  }
  await store.close();
  fs.writeFileSync(a.digest!, JSON.stringify({ crosstab: c.cells, multiselect: m.cells }));
  emit({
    crosstab: { p50_ms: percentile(c.ms, 50), p95_ms: percentile(c.ms, 95), cold_p50_ms: percentile(xtCold.ms, 50), cold_p95_ms: percentile(xtCold.ms, 95), all_ms: c.ms },
    multiselect: { p50_ms: percentile(m.ms, 50), p95_ms: percentile(m.ms, 95), cold_p50_ms: percentile(msCold.ms, 50), cold_p95_ms: percentile(msCold.ms, 95), all_ms: m.ms },
    api: { p50_ms: percentile(api, 50), p95_ms: percentile(api, 95), overhead_p50_ms: percentile(api, 50) - percentile(c.ms, 50) },
  });
});
