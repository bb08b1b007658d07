/**
 * Model matrix with treatment coding, as R's `model.matrix(~ a + b, data)` after
 * `factor(x, levels = sort(unique(x), method = "radix"))`: an intercept column, then per
 * predictor in spec order either the numeric column itself or one 0/1 column per non-reference
 * level (levels in byte order — UTF-8 / code-point order, never `localeCompare`). Levels are
 * those present in the analysis rows, so a level absent after filtering has no column.
 */
import { compareBytes } from "@/lib/engine/byte-compare";
import { parseRNumeric } from "@/lib/engine/parse-r-numeric";
import { ModelError } from "./errors";
import type { ColumnMatrix } from "./matrix";

/** How a predictor enters the model. */
export type PredictorKind = "numeric" | "categorical";

/** A predictor column of the table. */
export interface PredictorColumn {
  name: string;
  /** index into each row */
  index: number;
  kind: PredictorKind;
}

/** The model matrix and the names of its columns. */
export interface DesignMatrix {
  x: ColumnMatrix;
  /** "(intercept)", "column=level" or the numeric column's name, one per column of x */
  terms: string[];
  /** per predictor: the reference level (null for a numeric predictor) */
  referenceLevels: Record<string, string | null>;
}

/** Name of the intercept term. */
export const INTERCEPT = "(intercept)";

/**
 * "numeric" when every non-empty cell parses as a finite number (R's `as.numeric`), like
 * `read.csv`'s type detection on the whole column; otherwise "categorical".
 *
 * @example
 * columnKind([["3"], [""], ["4.5"]], 0) // "numeric"
 * columnKind([["3"], ["n/a"]], 0) // "categorical"
 */
export function columnKind(rows: readonly string[][], index: number): PredictorKind {
  let any = false;
  for (const row of rows) {
    const cell = row[index] ?? "";
    if (cell === "") continue;
    if (parseRNumeric(cell) === null) return "categorical";
    any = true;
  }
  return any ? "numeric" : "categorical";
}

/**
 * Distinct values in byte order (R's `sort(unique(x), method = "radix")`).
 * @example sortedLevels(["b", "B", "a", "b"]) // ["B", "a", "b"]
 */
export function sortedLevels(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareBytes);
}

/**
 * Build the treatment-coded model matrix for complete-case `rows`. `referenceOverride` moves a
 * level to the front (R's `relevel`); the other levels keep byte order.
 *
 * @example
 * const d = buildDesignMatrix([["b", "1"], ["a", "2"], ["c", "3"]], [
 *   { name: "g", index: 0, kind: "categorical" },
 *   { name: "x", index: 1, kind: "numeric" },
 * ]);
 * d.terms // ["(intercept)", "g=b", "g=c", "x"]; d.referenceLevels // { g: "a", x: null }
 */
export function buildDesignMatrix(
  rows: readonly string[][],
  predictors: readonly PredictorColumn[],
  referenceOverride: Readonly<Record<string, string>> = {},
): DesignMatrix {
  const n = rows.length;
  const cols: Float64Array[] = [new Float64Array(n).fill(1)];
  const terms: string[] = [INTERCEPT];
  const referenceLevels: Record<string, string | null> = {};
  for (const p of predictors) {
    if (p.kind === "numeric") {
      if (referenceOverride[p.name] !== undefined) {
        throw new ModelError("invalid_spec", `reference level for a numeric predictor: ${p.name}`);
      }
      const col = new Float64Array(n);
      rows.forEach((row, i) => {
        const v = parseRNumeric(row[p.index]);
        if (v === null) throw new ModelError("not_numeric", `not a number: ${p.name} has values that are not numbers`, [p.name]);
        col[i] = v;
      });
      cols.push(col);
      terms.push(p.name);
      referenceLevels[p.name] = null;
      continue;
    }
    let levels = sortedLevels(rows.map((r) => r[p.index]));
    const ref = referenceOverride[p.name];
    if (ref !== undefined) {
      if (!levels.includes(ref)) {
        throw new ModelError("invalid_spec", `reference level not in the analysed rows: ${p.name}=${ref}`);
      }
      levels = [ref, ...levels.filter((l) => l !== ref)];
    }
    if (levels.length < 2) {
      throw new ModelError("one_level", `predictor has one level: ${p.name} has one value in the analysed rows`, [p.name]);
    }
    referenceLevels[p.name] = levels[0];
    const position = new Map(levels.map((l, k) => [l, k]));
    const dummies = levels.slice(1).map(() => new Float64Array(n));
    rows.forEach((row, i) => {
      const k = position.get(row[p.index]) ?? 0;
      if (k > 0) dummies[k - 1][i] = 1;
    });
    cols.push(...dummies);
    terms.push(...levels.slice(1).map((l) => `${p.name}=${l}`));
  }
  return { x: { nrow: n, cols }, terms, referenceLevels };
}
