import type { BenchmarkFigure } from "@/lib/schema/benchmark";
import { getBreakdownRows, type BreakdownSource } from "@/lib/analysis/breakdown-rows";
import { toChartData } from "@/lib/analysis/chart-data";
import { formatCount, formatPercent } from "@/lib/format/number";
import { CiBarChart } from "@/components/charts/ci-bar-chart";
import { BenchmarkNotes } from "@/components/home/benchmark-notes";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AnalyzeLink } from "@/components/home/analyze-link";
import { twoTests, type PairSource } from "@/lib/insights/two-tests";

interface Props {
  title: string;
  datasetId: string;
  datasetName: string;
  result: BreakdownSource & { rows: { analytic: number | null } | null };
  weighted: boolean;
  minBase: number;
  benchmarks: BenchmarkFigure[];
  /** null: the viewer may not open Analyze (no link) */
  analyzeHref: string | null;
}

/** The executive headline: one breakdown with CI whiskers and published figures as reference lines. */
export function HeadlineCard({ title, datasetName, result, weighted, minBase, benchmarks, analyzeHref }: Props) {
  const rows = getBreakdownRows(result, { weighted, minBase });
  const total = rows.find((r) => r.isTotal);
  const top = rows.filter((r) => !r.isTotal && r.estimate !== null).at(-1);
  // the chart's own pair test and the scan's family, in words (lib/insights/two-tests)
  const explain = twoTests(result as unknown as PairSource, weighted);
  return (
    <Card>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle className="text-lg">{title}</CardTitle>
          <Badge tone="warning">synthetic, calibrated to published figures</Badge>
        </div>
        <CardDescription>
          {total ? `${formatPercent(total.estimate)} overall` : null}
          {top ? `, ${formatPercent(top.estimate)} among "${top.label}"` : null} · n = {formatCount(result.rows?.analytic)} who shipped an agent ·{" "}
          {weighted ? "weighted" : "unweighted"} · 95% intervals · {datasetName}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div data-testid="headline-chart">
          <CiBarChart
            data={toChartData(rows, "proportion")}
            title={title}
            max={100}
            references={benchmarks.filter((b) => b.unit === "share").map((b) => ({ value: b.value * 100, label: `${b.publisher} ${formatPercent(b.value, 0)}` }))}
          />
        </div>
        {explain ? (
          <details className="rounded-md border border-slate-200 px-3 py-2 text-sm text-slate-700" data-testid="headline-two-tests">
            <summary className="cursor-pointer font-medium text-slate-800">Why can Insights say no difference survives?</summary>
            <p className="mt-2">{explain.text}</p>
          </details>
        ) : null}
        <BenchmarkNotes benchmarks={benchmarks} />
        <AnalyzeLink href={analyzeHref} />
      </CardContent>
    </Card>
  );
}
