import { ZodError } from "zod";
import {
  weightingSchemeSchema,
  type GroupScheme,
  type MarginReport,
  type WeightingReport,
  type WeightingScheme,
} from "@/lib/schema/weighting";
import type { WeightingTable } from "./csv";
import { WeightingError } from "./errors";
import { extremeWeights, summarizeWeights } from "./report";
import { cell, columnIndex, prepareRows } from "./table";
import { normalizeTargets } from "./targets";
import { schemeColumns, weighRows, type RowsResult } from "./weigh-rows";

/** Weights in data row order (`null` = not weighted: a weighting variable is missing) and the report. */
export interface WeightingResult {
  weights: (number | null)[];
  report: WeightingReport;
}

/**
 * Validate a scheme JSON value (defaults filled in).
 * @example parseScheme({ method: "rake", targets: { size: { a: 0.5, b: 0.5 } } }).tolerance // 1e-10
 * @throws WeightingError `invalid scheme: targets.size.a: expected number, received string`
 */
export function parseScheme(input: unknown): WeightingScheme {
  try {
    return weightingSchemeSchema.parse(input);
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    const what = err.issues.map((i) => `${i.path.join(".") || "scheme"}: ${i.message.toLowerCase()}`).join("; ");
    throw new WeightingError("invalid_targets", `invalid scheme: ${what}`);
  }
}

function assemble(table: WeightingTable, method: WeightingReport["method"], parts: RowsResult[], extra: Omit<WeightingReport, "method" | "rows" | "weights" | "extreme">, ratio: number): WeightingResult {
  const weights: (number | null)[] = table.rows.map(() => null);
  const index: number[] = [];
  const all: number[] = [];
  for (const p of parts) {
    p.index.forEach((r, i) => {
      weights[r] = p.weights[i];
    });
  }
  weights.forEach((w, r) => {
    if (w === null) return;
    index.push(r);
    all.push(w);
  });
  const report: WeightingReport = {
    method,
    rows: { total: table.rows.length, weighted: index.length, excluded_missing: table.rows.length - index.length },
    weights: summarizeWeights(all),
    extreme: extremeWeights(all, index, ratio),
    ...extra,
  };
  return { weights, report };
}

function noRows(): WeightingError {
  return new WeightingError("invalid_data", "no rows to weight: every row misses a weighting variable");
}

function inGroup<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof WeightingError) throw new WeightingError(err.kind, `${err.message}; group ${where}`, err.details);
    throw err;
  }
}

function computeGroupWeights(table: WeightingTable, scheme: GroupScheme): WeightingResult {
  const byCol = columnIndex(table, scheme.by);
  const rowsOf = new Map<string, number[]>(scheme.groups.map((g) => [g.value, []]));
  if (rowsOf.size !== scheme.groups.length) throw new WeightingError("invalid_targets", `duplicate group: ${scheme.by}`);
  table.rows.forEach((_, r) => {
    const v = cell(table, r, byCol);
    if (v === "") return;
    const list = rowsOf.get(v);
    if (!list) throw new WeightingError("absent_category", `some rows have a value of ${scheme.by} without a group: add a group for every value of ${scheme.by}, or mark it missing`, { by: scheme.by });
    list.push(r);
  });
  const prepared = scheme.groups.map((g) => prepareRows(table, rowsOf.get(g.value) ?? [], schemeColumns(g.scheme), scheme.base_weight));
  const N = prepared.reduce((s, p) => s + p.index.length, 0);
  if (N === 0) throw noRows();
  const withShare = scheme.groups.filter((g) => g.share !== undefined).length;
  if (withShare > 0 && withShare < scheme.groups.length) {
    const g = scheme.groups.find((x) => x.share === undefined);
    throw new WeightingError("invalid_targets", `group share missing: ${scheme.by}=${g?.value ?? ""}`);
  }
  let totals: number[];
  let shares: number[];
  if (withShare > 0) {
    const norm = normalizeTargets({ [scheme.by]: Object.fromEntries(scheme.groups.map((g) => [g.value, g.share ?? 0])) }, scheme.units);
    const T = norm.countTotal ?? N;
    shares = scheme.groups.map((g) => norm.shares[scheme.by][g.value]);
    totals = shares.map((s) => s * T);
  } else {
    totals = prepared.map((p) => p.index.length);
    shares = totals.map((t) => t / N);
  }
  const parts: RowsResult[] = [];
  const groups: NonNullable<WeightingReport["groups"]> = [];
  const groupMargins: MarginReport[] = [];
  scheme.groups.forEach((g, k) => {
    const where = `${scheme.by}=${g.value}`;
    const n = prepared[k].index.length;
    if (n === 0) {
      if (totals[k] > 0) throw new WeightingError("absent_category", `group absent from data: ${where}`);
      return;
    }
    const part = inGroup(where, () => weighRows(table, prepared[k], g.scheme, scheme.units, totals[k], where));
    parts.push(part);
    groups.push({ value: g.value, target: shares[k], achieved: 0, n, bounds: part.bounds, convergence: part.convergence });
    groupMargins.push({ match: { [scheme.by]: g.value }, target: shares[k], achieved: 0, n });
  });
  const grand = parts.reduce((s, p) => s + p.weights.reduce((a, b) => a + b, 0), 0);
  parts.forEach((p, k) => {
    const achieved = p.weights.reduce((a, b) => a + b, 0) / grand;
    groups[k].achieved = achieved;
    groupMargins[k].achieved = achieved;
  });
  const conv = parts.map((p) => p.convergence);
  return assemble(
    table,
    "group",
    parts,
    {
      margins: [...groupMargins, ...parts.flatMap((p) => p.margins)],
      bounds: null,
      convergence: {
        converged: conv.every((c) => c.converged),
        iterations: Math.max(...conv.map((c) => c.iterations)),
        tolerance: Math.max(...conv.map((c) => c.tolerance)),
        max_margin_error: Math.max(...conv.map((c) => c.max_margin_error)),
        trace: [],
      },
      groups,
    },
    scheme.extreme_ratio,
  );
}

/**
 * Compute survey weights for a text table: rim weighting (`rake`, optionally bounded), cell
 * weighting (`cell`) or one scheme per group (`group`). Rows missing a weighting variable (or
 * the base weight) get `null`; the others' weights sum to the number of rows weighted (or to
 * the count total for count targets).
 *
 * @example
 * const { weights, report } = computeWeights(
 *   { header: ["size"], rows: [["small"], ["small"], ["large"], [""]] },
 *   { method: "rake", targets: { size: { small: 0.5, large: 0.5 } } },
 * );
 * // weights: [0.75, 0.75, 1.5, null]; report.weights.effective_n: 2.67
 * @throws WeightingError with a one-line "what: value" message on bad input or non-convergence
 */
export function computeWeights(table: WeightingTable, scheme: unknown): WeightingResult {
  const s = parseScheme(scheme);
  if (s.method === "group") return computeGroupWeights(table, s);
  const rows = prepareRows(table, table.rows.map((_, i) => i), schemeColumns(s), s.base_weight);
  if (rows.index.length === 0) throw noRows();
  const part = weighRows(table, rows, s, s.units, null);
  return assemble(table, s.method, [part], { margins: part.margins, bounds: part.bounds, convergence: part.convergence }, s.extreme_ratio);
}
