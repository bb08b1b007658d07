/**
 * Step (`bench/run.ts --audit`): the cost of the differencing audit (lib/disclosure/population-audit)
 * for an aggregate-only viewer with a long history, on synthetic respondents (no store): `--rows`
 * respondents with 6 categoricals (2–8 levels, skewed, seeded), a history of `--requests` released
 * crosstabs (random filters on 0–2 columns × a segment, each releasing the total, every level and
 * one category count per cell), then one more crosstab audited against it. Reports the audit's
 * p50/max over `--asks` candidates, the atoms and the history's stored size (compact encoding).
 *
 * Usage: node --import tsx --conditions=react-server bench/steps/differencing-audit.ts --rows 100000 --requests 50
 */
import { auditPopulations, atomsOf } from "@/lib/disclosure/population-audit";
import { populationOf, type Population } from "@/lib/disclosure/population";
import { encodePopulation } from "@/lib/store/repos/population-codec";
import { mulberry32 } from "@/lib/stats/seeded-random";
import { args, emit, main } from "./common";

main(async () => {
  const given = args(["rows", "requests", "asks"]);
  const a = { rows: given.rows ?? "100000", requests: given.requests ?? "50", asks: given.asks ?? "10" };
  const rows = Number(a.rows);
  const rand = mulberry32(17);
  const levels = [2, 3, 4, 5, 6, 8];
  // skewed levels: level j with weight 1/(j+1)
  const data = levels.map((l) => {
    const w = Array.from({ length: l }, (_, j) => 1 / (j + 1));
    const total = w.reduce((s, x) => s + x, 0);
    return Uint8Array.from({ length: rows }, () => {
      let u = rand() * total;
      for (let j = 0; j < l; j++) if ((u -= w[j]) <= 0) return j;
      return l - 1;
    });
  });
  const request = (): Population[] => {
    const cols = [0, 1, 2, 3, 4, 5].sort(() => rand() - 0.5);
    const [seg, outcome, ...rest] = cols;
    const filters = rest.slice(0, Math.floor(rand() * 3)).map((c) => ({ c, keep: new Set(Array.from({ length: levels[c] }, (_, j) => j).filter(() => rand() < 0.6)) }));
    const cat = Math.floor(rand() * levels[outcome]);
    const kept: number[] = [];
    for (let r = 0; r < rows; r++) if (filters.every((f) => f.keep.has(data[f.c][r]))) kept.push(r);
    const pops = [populationOf(rows, kept), populationOf(rows, kept.filter((r) => data[outcome][r] === cat))];
    for (let l = 0; l < levels[seg]; l++) {
      const cell = kept.filter((r) => data[seg][r] === l);
      pops.push(populationOf(rows, cell), populationOf(rows, cell.filter((r) => data[outcome][r] === cat)));
    }
    // what the small-cell rule would hide
    return pops.filter((p) => p.members.length === 0 || p.members.length >= 5);
  };
  let history: Population[] = [];
  let refusedWhileBuilding = 0;
  while (history.length === 0 || history.length < Number(a.requests) * 8) {
    const c = request();
    if (auditPopulations(history, c, { k: 5 }).allowed) history = [...history, ...c];
    else refusedWhileBuilding++;
    if (refusedWhileBuilding > 10 * Number(a.requests)) break;
  }
  const times: number[] = [];
  let refused = 0;
  for (let i = 0; i < Number(a.asks); i++) {
    const c = request();
    const t0 = performance.now();
    if (!auditPopulations(history, c, { k: 5 }).allowed) refused++;
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const bytes = history.reduce((s, p) => s + encodePopulation(p).length, 0);
  emit({
    rows,
    history_populations: history.length,
    atoms: atomsOf(rows, history).sizes.length,
    audit_p50_ms: Math.round(times[Math.floor(times.length / 2)]),
    audit_max_ms: Math.round(times[times.length - 1]),
    refused_of_asks: refused,
    history_kb: Math.round(bytes / 1024),
  });
});
