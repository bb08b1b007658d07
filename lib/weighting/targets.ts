import type { TargetUnits, Targets } from "@/lib/schema/weighting";
import { parseCsvTable } from "./csv";
import { WeightingError, fmt } from "./errors";

/** Targets as shares that sum to 1 per variable, plus the count total when targets were counts. */
export interface NormalizedTargets {
  shares: Record<string, Record<string, number>>;
  /** the common total of count targets (the weights then sum to it); null for shares/percent */
  countTotal: number | null;
}

const SHARE_TOL = 1e-6;

/**
 * Check and normalise one or more target distributions: shares must sum to 1 and percentages
 * to 100 (±1e-6 relative), counts must have the same total in every variable. The result is
 * rescaled to sum exactly to 1.
 *
 * @example normalizeTargets({ size: { small: 60, large: 40 } }, "percent").shares // { size: { small: 0.6, large: 0.4 } }
 * @throws WeightingError `targets do not sum to 1: size (0.97)`
 */
export function normalizeTargets(targets: Targets, units: TargetUnits): NormalizedTargets {
  const shares: Record<string, Record<string, number>> = {};
  let countTotal: number | null = null;
  let countVar = "";
  for (const [variable, dist] of Object.entries(targets)) {
    const entries = Object.entries(dist);
    if (entries.length === 0) throw new WeightingError("invalid_targets", `no target categories: ${variable}`);
    const sum = entries.reduce((s, [, v]) => s + v, 0);
    if (units === "count") {
      if (!(sum > 0)) throw new WeightingError("invalid_targets", `target counts sum to 0: ${variable}`);
      if (countTotal === null) {
        countTotal = sum;
        countVar = variable;
      } else if (Math.abs(sum - countTotal) > SHARE_TOL * countTotal) {
        throw new WeightingError("invalid_targets", `target totals differ: ${variable} (${fmt(sum, 10)}) vs ${countVar} (${fmt(countTotal, 10)})`);
      }
    } else {
      const want = units === "percent" ? 100 : 1;
      if (!(Math.abs(sum - want) <= SHARE_TOL * want)) {
        throw new WeightingError("invalid_targets", `targets do not sum to ${want}: ${variable} (${fmt(sum, 6)})`);
      }
    }
    shares[variable] = Object.fromEntries(entries.map(([k, v]) => [k, v / sum]));
  }
  return { shares, countTotal };
}

/**
 * Read rim targets from a small CSV with the columns `variable,category,target` (the last may
 * also be called `share`, `percent` or `count`); values are taken as they are, so pair the
 * file with the scheme's `units`.
 *
 * @example targetsFromCsv("variable,category,target\nsize,small,0.6\nsize,large,0.4\n") // { size: { small: 0.6, large: 0.4 } }
 * @throws WeightingError `invalid targets csv: row 3 (target "x" is not a number)`
 */
export function targetsFromCsv(input: string | Uint8Array): Targets {
  const { header, rows } = parseCsvTable(input);
  const names = header.map((h) => h.trim().toLowerCase());
  const iv = names.indexOf("variable");
  const ic = names.indexOf("category");
  const it = names.findIndex((h) => ["target", "share", "percent", "count"].includes(h));
  if (iv < 0 || ic < 0 || it < 0) {
    throw new WeightingError("invalid_targets", `invalid targets csv: header (need variable,category,target; got ${header.join(",")})`);
  }
  const out: Targets = {};
  rows.forEach((r, i) => {
    const variable = r[iv].trim();
    const category = r[ic];
    const raw = r[it].trim();
    const value = Number(raw);
    if (variable === "") throw new WeightingError("invalid_targets", `invalid targets csv: row ${i + 1} (empty variable)`);
    if (raw === "" || !Number.isFinite(value) || value < 0) {
      throw new WeightingError("invalid_targets", `invalid targets csv: row ${i + 1} (target "${raw}" is not a non-negative number)`);
    }
    const dist = (out[variable] ??= {});
    if (category in dist) throw new WeightingError("invalid_targets", `invalid targets csv: duplicate category ${variable}=${category}`);
    dist[category] = value;
  });
  if (Object.keys(out).length === 0) throw new WeightingError("invalid_targets", "invalid targets csv: no rows");
  return out;
}
