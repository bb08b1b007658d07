"use client";

import type { ChartDatum } from "@/lib/analysis/chart-data";
import { seriesNotes, type BenchmarkSeries } from "@/lib/analysis/benchmark-explore";
import { formatCount, formatNumber, formatPercent, formatPercentInterval } from "@/lib/format/number";
import { CiBarChart } from "@/components/charts/ci-bar-chart";

const Z95 = 1.959963984540054;

/** A published figure as a bar: a share in percent with its simple-random-sampling 95% interval when its base was published. */
function datum(p: BenchmarkSeries["points"][number], i: number): ChartDatum {
  const f = p.figure;
  const share = f.unit === "share";
  const se = share && f.n ? Math.sqrt((f.value * (1 - f.value)) / f.n) : null;
  const ci: [number, number] | null = se === null ? null : [Math.max(0, f.value - Z95 * se), Math.min(1, f.value + Z95 * se)];
  return {
    key: `${f.id}-${i}`,
    label: p.level,
    value: share ? f.value * 100 : f.value,
    lo: ci ? ci[0] * 100 : null,
    hi: ci ? ci[1] * 100 : null,
    n: f.n ?? 0,
    isTotal: /^(all|global)\b/i.test(p.level),
    lowBase: false,
    valueText: share ? formatPercent(f.value, 0) : f.unit === "usd" ? `$${formatCount(f.value)}` : formatNumber(f.value, 1),
    ciText: ci ? formatPercentInterval(ci) : "not available (base not published)",
    baseText: `${f.base}${f.n ? ` (n = ${formatCount(f.n)})` : " (n not published)"}`,
  };
}

/** One curated series as a bar chart, with its bases and sources under it and the numbers as a table. */
export function SeriesChart({ series }: { series: BenchmarkSeries }) {
  const data = series.points.map(datum);
  const share = series.points[0].figure.unit === "share";
  const notes = seriesNotes(series);
  return (
    <div className="flex min-w-0 flex-col gap-3" data-testid="series-chart">
      <CiBarChart data={data} title={series.title} max={share ? 100 : undefined} unit={share ? "%" : ""} />
      <div className="flex flex-col gap-1 text-xs text-slate-600" data-testid="series-notes">
        {notes.bases.map((b) => (
          <p key={b}>{b}</p>
        ))}
        {share ? <p>Whiskers: 95% interval assuming a simple random sample of the published base; none where the base was not published.</p> : null}
        {notes.sources.map((s) => (
          <p key={s.url}>
            Source{notes.sources.length > 1 ? ` for ${s.levels.join(", ")}` : ""}:{" "}
            <a className="break-words underline" href={s.url} rel="noreferrer noopener" target="_blank">
              {series.points[0].figure.publisher}: {s.title}
            </a>
          </p>
        ))}
      </div>
      <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
        <summary className="cursor-pointer font-medium text-slate-700">Data table</summary>
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={`${series.title}: data table`}>
          <table className="w-full text-left text-xs">
            <caption className="sr-only">{series.title}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-500">
                <th scope="col" className="px-2 py-1 font-medium">
                  {series.dimension === "category" ? "Answer" : series.dimension[0].toUpperCase() + series.dimension.slice(1)}
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Value
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  Base
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.key} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-2 py-1 font-medium text-slate-800">
                    {d.label}
                  </th>
                  <td className="tabular whitespace-nowrap px-2 py-1 text-right">{d.valueText}</td>
                  <td className="px-2 py-1 text-slate-600">{d.baseText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
