/**
 * The one place numbers become text, so tables, charts, tooltips and exports agree.
 * Undefined values (null, NaN, ±Infinity) render as "n/a", never as 0.
 */
const NA = "n/a";

function defined(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/**
 * A share as a percentage.
 * @example formatPercent(0.7412) // "74.1%"
 */
export function formatPercent(p: number | null | undefined, digits = 1): string {
  return defined(p) ? `${(p * 100).toFixed(digits)}%` : NA;
}

/**
 * A confidence interval of shares.
 * @example formatPercentInterval([0.71, 0.77]) // "71.0–77.0%"
 */
export function formatPercentInterval(ci: readonly [number, number] | null | undefined, digits = 1): string {
  if (!ci || !defined(ci[0]) || !defined(ci[1])) return NA;
  return `${(ci[0] * 100).toFixed(digits)}–${(ci[1] * 100).toFixed(digits)}%`;
}

/**
 * A count with thousands separators.
 * @example formatCount(1571) // "1,571"
 */
export function formatCount(n: number | null | undefined): string {
  return defined(n) ? Math.round(n).toLocaleString("en-US") : NA;
}

/**
 * A weighted or effective base: whole numbers above 100, one decimal below.
 * @example formatBase(30.64) // "30.6"
 */
export function formatBase(n: number | null | undefined): string {
  if (!defined(n)) return NA;
  return n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(1);
}

/**
 * A mean or other statistic with fixed decimals.
 * @example formatNumber(3.14159, 2) // "3.14"
 */
export function formatNumber(x: number | null | undefined, digits = 2): string {
  return defined(x) ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : NA;
}

/**
 * A p-value as researchers write it.
 * @example formatPValue(0.0004) // "p < 0.001"
 */
export function formatPValue(p: number | null | undefined): string {
  if (!defined(p)) return NA;
  if (p < 0.001) return "p < 0.001";
  return `p = ${p.toFixed(3)}`;
}

/**
 * The noun for a count: singular for exactly one, else the plural (default: singular + "s").
 * @example plural(1, "respondent") // "respondent"
 * @example plural(2, "cell") // "cells"
 * @example plural(1, "quasi-identifier value was", "quasi-identifier values were") // "quasi-identifier value was"
 */
export function plural(n: number | null | undefined, singular: string, pluralForm = `${singular}s`): string {
  return n === 1 ? singular : pluralForm;
}

/**
 * A count with its noun, agreeing in number ("n/a respondents" when undefined).
 * @example formatCountOf(1, "respondent") // "1 respondent"
 * @example formatCountOf(1571, "respondent") // "1,571 respondents"
 */
export function formatCountOf(n: number | null | undefined, singular: string, pluralForm?: string): string {
  return `${formatCount(n)} ${plural(defined(n) ? Math.round(n) : n, singular, pluralForm)}`;
}
