"use client";

import type { ChartDatum } from "@/lib/analysis/chart-data";
import { formatCount, formatPercent, formatPercentInterval, formatPValue } from "@/lib/format/number";
import type { BenchmarkCompareResult } from "@/lib/schema/benchmark";
import { CiBarChart } from "@/components/charts/ci-bar-chart";
import { MatchWarnings } from "./compare-suggestions";

function points(d: number | null): string {
  return d === null ? "n/a" : `${Math.abs(d * 100).toFixed(1)} points`;
}

function datum(key: string, label: string, p: number | null, ci: [number, number] | null, n: number | null, isTotal: boolean, base: string): ChartDatum {
  return {
    key,
    label,
    value: p === null ? null : p * 100,
    lo: ci ? Math.max(0, ci[0]) * 100 : null,
    hi: ci ? Math.min(1, ci[1]) * 100 : null,
    n: n ?? 0,
    isTotal,
    lowBase: false,
    valueText: formatPercent(p),
    ciText: formatPercentInterval(ci),
    baseText: base,
  };
}

/**
 * The plain-language verdict, e.g. "Higher than Sinch's 74%: difference 6.0 points, p = 0.010.",
 * prefixed "Not like-for-like — " when the definition check found a difference.
 */
export function verdict(r: BenchmarkCompareResult): string {
  const text = plainVerdict(r);
  // a partial wording match is a note to check; a weak match or a different base changes what the numbers mean
  const serious = r.match.warnings.some((w) => !w.startsWith("Partial"));
  return serious ? `Not like-for-like — ${text[0].toLowerCase()}${text.slice(1)}` : text;
}

function plainVerdict(r: BenchmarkCompareResult): string {
  const c = r.comparison;
  const theirs = `${r.benchmark.publisher}'s ${formatPercent(c.published.p, 0)}`;
  if (c.difference === null) return `No comparison: ${c.note ?? "own estimate not available"}.`;
  const dir = c.difference > 0 ? "higher than" : c.difference < 0 ? "lower than" : "the same as";
  if (c.p_value === null) return `${points(c.difference)} ${dir} ${theirs}; no test (${c.note ?? "not available"}).`;
  const sig = c.p_value < 1 - c.conf_level;
  return sig
    ? `${dir[0].toUpperCase()}${dir.slice(1)} ${theirs}: difference ${points(c.difference)}, ${formatPValue(c.p_value)}.`
    : `Not distinguishable from ${theirs}: difference ${points(c.difference)}, ${formatPValue(c.p_value)}.`;
}

/** Both estimates with their intervals, the difference and its test, and the caveats. */
export function CompareResult({ result }: { result: BenchmarkCompareResult }) {
  const c = result.comparison;
  const level = `${Math.round(c.conf_level * 100)}%`;
  const ours = `Your data (${result.column})`;
  const theirs = `${result.benchmark.publisher} (published)`;
  // short bar labels so the bars keep their width on a phone; the full wording is in the list below
  const data = [
    datum("own", "Yours", c.own.p, c.own.ci, c.own.n, false, `${ours}: n = ${formatCount(c.own.n)} · ${result.weighted ? "weighted" : "unweighted"}`),
    datum("published", result.benchmark.publisher, c.published.p, c.published.ci, c.published.n, true, c.published.n ? `n = ${formatCount(c.published.n)}` : "n not published"),
  ];
  return (
    <div className="flex flex-col gap-3" data-testid="compare-result" aria-live="polite">
      <p className="text-sm font-medium text-slate-900" data-testid="compare-verdict">
        {verdict(result)}
      </p>
      <MatchWarnings check={{ warnings: result.match.warnings, refusal: null }} testId="compare-warnings" />
      <CiBarChart data={data} title={`${ours} vs ${theirs}`} max={100} />
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">{ours}</dt>
        <dd className="tabular" data-testid="compare-own">
          {formatPercent(c.own.p)} ± {formatPercent(c.own.moe)} ({level} CI {formatPercentInterval(c.own.ci)}), n = {formatCount(c.own.n)}
          {result.weighted ? ", weighted (design-based SE)" : ""}
        </dd>
        <dt className="text-slate-600">{theirs}</dt>
        <dd className="tabular" data-testid="compare-published">
          {formatPercent(c.published.p, 1)}
          {c.published.moe !== null ? ` ± ${formatPercent(c.published.moe)} (${level} CI ${formatPercentInterval(c.published.ci)}), n = ${formatCount(c.published.n)}` : " — margin of error not available (published base unknown)"}
        </dd>
        <dt className="text-slate-600">Difference</dt>
        <dd className="tabular" data-testid="compare-difference">
          {c.difference === null ? "n/a" : `${c.difference >= 0 ? "+" : "−"}${points(c.difference)}`}
          {c.ci_difference ? ` (${level} CI ${(c.ci_difference[0] * 100).toFixed(1)} to ${(c.ci_difference[1] * 100).toFixed(1)} points)` : ""}
        </dd>
        <dt className="text-slate-600">Definition</dt>
        <dd data-testid="compare-definition">
          Wording match {result.match.score === null ? "n/a" : `${Math.round(result.match.score * 100)}%`} ({result.match.strength}); published base: {result.match.bases.published}; yours: {result.match.bases.own}
        </dd>
        <dt className="text-slate-600">Test</dt>
        <dd className="tabular" data-testid="compare-test">
          {c.p_value !== null && c.z !== null ? `z = ${c.z.toFixed(2)}, ${formatPValue(c.p_value)} (two-sided)` : c.note ? `${c.note[0].toUpperCase()}${c.note.slice(1)}` : "n/a"}
        </dd>
      </dl>
      <ul className="flex list-disc flex-col gap-1 pl-5 text-xs text-slate-600" data-testid="compare-caveats">
        {result.caveats.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </div>
  );
}
