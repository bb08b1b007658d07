import { readFileSync } from "node:fs";
import { decodePopulation } from "@/lib/store/repos/population-codec";
import { atomsOf } from "@/lib/disclosure/population-audit";
import { numberRref } from "@/lib/disclosure/small-union";
const rows = JSON.parse(readFileSync("/tmp/replay/history.json", "utf8")) as { k: string; t: string; m: string }[];
const pops = rows.map((r) => decodePopulation(r.m));
const universe = pops[0].universe;
const all = [{ universe, members: Uint32Array.from({ length: universe }, (_, i) => i) }, ...pops];
const { atomOf, sizes } = atomsOf(universe, all);
console.log("pops", all.length, "atoms", sizes.length, "small", sizes.filter((s) => s < 5).length);
const m = all.map((p) => { const row = new Array<number>(sizes.length).fill(0); for (const x of p.members) row[atomOf[x]] = 1; return row; });
const t0 = performance.now();
const r = numberRref(m, sizes.length);
console.log("rref ms", (performance.now() - t0).toFixed(0), r ? r.rows.length : "null");
import { smallUnionDetermined } from "@/lib/disclosure/small-union";
for (const budget of [1000, 10000, 100000]) { const t1 = performance.now(); const v = smallUnionDetermined(m, sizes, 5, budget); console.log("budget", budget, v, (performance.now() - t1).toFixed(0), "ms"); }
// structure of W basis
const order = [...sizes.map((s, a) => ({ s, a })).filter((x) => x.s >= 5).map((x) => x.a), ...sizes.map((s, a) => ({ s, a })).filter((x) => x.s < 5).map((x) => x.a)];
const firstSmall = sizes.filter((s) => s >= 5).length;
const rr = numberRref(m.map((row) => order.map((a) => row[a])), order.length)!;
const basis = rr.rows.filter((_, i) => rr.pivots[i] >= firstSmall);
const nnz = basis.map((r) => r.slice(firstSmall).filter((x) => x !== 0).length);
const vals = new Map<number, number>(); for (const r of basis) for (const x of r.slice(firstSmall)) if (x !== 0) vals.set(x, (vals.get(x) ?? 0) + 1);
console.log("basis", basis.length, "nnz min/med/max", Math.min(...nnz), nnz.sort((a, b) => a - b)[nnz.length >> 1], Math.max(...nnz), "values", [...vals].slice(0, 12));
for (const k of [3, 5, 7, 10]) { const t1 = performance.now(); const v = smallUnionDetermined(m, sizes, k, 200_000); console.log("k", k, v, (performance.now() - t1).toFixed(0), "ms", "small atoms", sizes.filter((s) => s < k).length); }
