"use client";

import type { BenchmarkFigure } from "@/lib/schema/benchmark";
import { formatCount, formatNumber, formatPercent } from "@/lib/format/number";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CompareDataset } from "@/lib/services/benchmark-compare";
import { Button } from "@/components/ui/button";
import { ComparePanel } from "./compare-panel";
import { TOPIC_LABELS } from "./topic-labels";



const TIER_LABELS: Record<BenchmarkFigure["tier"], string> = {
  P: "primary",
  Pq: "primary (quoted)",
  S: "secondary",
  G: "research note",
  B: "brief only",
};

function value(f: BenchmarkFigure): string {
  if (f.unit === "share") return formatPercent(f.value, 0);
  if (f.unit === "count") return f.value >= 1e6 ? `${formatNumber(f.value / 1e6, 1)}M` : formatCount(f.value);
  if (f.unit === "correlation") return `r = ${formatNumber(f.value, 2)}`;
  return `${formatNumber(f.value, 1)} ${f.unit}`;
}

/**
 * Published figures of one topic, grouped by study, each with value, base, source, tier and caveat.
 * `compareWith` (null for viewers who may not run breakdowns) adds "Compare with my data" to shares;
 * a figure in a chartable series gets a button that charts it.
 */
export function BenchmarkList({
  figures,
  compareWith,
  onChart,
  chartable = new Set(),
  showTopic = false,
}: {
  figures: BenchmarkFigure[];
  compareWith: CompareDataset[] | null;
  onChart?: (seriesId: string) => void;
  chartable?: Set<string>;
  showTopic?: boolean;
}) {
  const studies = [...new Set(figures.map((f) => f.study))];
  return (
    <div className="grid gap-6">
      {studies.map((t) => (
        <Card key={t}>
          <CardHeader>
            <CardTitle>{t}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-col gap-4">
              {figures
                .filter((f) => f.study === t)
                .map((f) => (
                  <li key={f.id} className="flex flex-col gap-2" data-testid={`benchmark-${f.id}`}>
                    <div className="flex gap-3">
                      <span className="tabular w-16 shrink-0 text-right text-lg font-semibold text-slate-900 sm:w-20 sm:text-xl" title={f.unit === "count" ? formatCount(f.value) : undefined}>
                        {value(f)}
                      </span>
                      <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
                        <p className="font-medium text-slate-900">{f.label}</p>
                        <p className="text-slate-600">
                          Base: {f.base}
                          {f.n ? ` (n = ${formatCount(f.n)})` : " (n not published)"}
                          {f.date ? ` · ${f.date}` : ""}
                        </p>
                        <p className="flex flex-wrap items-center gap-2 text-slate-600">
                          <Badge tone={f.tier === "P" || f.tier === "Pq" ? "success" : "neutral"}>{TIER_LABELS[f.tier]}</Badge>
                          {f.singleSource ? <Badge tone="warning">single source</Badge> : null}
                          {showTopic ? <Badge tone="accent">{TOPIC_LABELS[f.topic]}</Badge> : null}
                          <a className="break-words underline" href={f.source.url} rel="noreferrer noopener" target="_blank">
                            {f.publisher}: {f.source.title}
                          </a>
                        </p>
                        <p className="text-xs italic text-slate-600">{f.caveat}</p>
                        {f.series && onChart && chartable.has(f.series.id) ? (
                          <div>
                            <Button variant="secondary" onClick={() => onChart(f.series!.id)} data-testid={`chart-series-${f.id}`}>
                              Chart: {f.series.title}
                            </Button>
                          </div>
                        ) : null}
                      </div>
                    </div>
                    {compareWith && f.unit === "share" ? (
                      <div className="sm:pl-[5.75rem]">
                        <ComparePanel figure={f} datasets={compareWith} />
                      </div>
                    ) : null}
                  </li>
                ))}
            </ul>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
