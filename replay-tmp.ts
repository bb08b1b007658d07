import { readFileSync } from "node:fs";
import { decodePopulation } from "@/lib/store/repos/population-codec";
import { auditPopulations } from "@/lib/disclosure/population-audit";
const rows = JSON.parse(readFileSync("/tmp/replay/history.json", "utf8")) as { k: string; t: string; m: string }[];
const batches: { t: string; p: ReturnType<typeof decodePopulation>[] }[] = [];
for (const r of rows) { const last = batches[batches.length - 1]; const p = decodePopulation(r.m); if (last && last.t === r.t) last.p.push(p); else batches.push({ t: r.t, p: [p] }); }
let released: ReturnType<typeof decodePopulation>[] = [];
for (const b of batches) {
  const t0 = performance.now();
  const v = auditPopulations(released, b.p, { k: 5 });
  console.log(b.p.length, (performance.now() - t0).toFixed(1), "ms", JSON.stringify(v));
  released = [...released, ...b.p];
}
