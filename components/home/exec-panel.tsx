import type { HomePanel } from "@/lib/services/home-panels";
import { CiBarChart } from "@/components/charts/ci-bar-chart";
import { ErrorMessage } from "@/components/states/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatPercent } from "@/lib/format/number";
import { BenchmarkNotes } from "./benchmark-notes";
import { AnalyzeLink } from "./analyze-link";

/** Our bar next to its published counterpart (point estimates; the intervals are in the chart). */
function Comparisons({ panel }: { panel: HomePanel }) {
  return (
    <table className="w-full text-sm" data-testid={`home-compare-${panel.id}`}>
      <caption className="mb-1 text-left text-xs font-medium uppercase tracking-wide text-slate-600">Ours vs published</caption>
      <thead className="text-left text-xs text-slate-600">
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-1 pr-2 font-medium">Group</th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">Ours</th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">Published</th>
          <th scope="col" className="py-1 text-right font-medium">Gap</th>
        </tr>
      </thead>
      <tbody>
        {panel.comparisons.map((c) => (
          <tr key={`${c.label}-${c.published}`} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-800">
              {c.label}
            </th>
            <td className="tabular py-1 pr-2 text-right">{formatPercent(c.ours)}</td>
            <td className="tabular py-1 pr-2 text-right">
              {formatPercent(c.published, 0)} <span className="text-xs text-slate-600">{c.publisher}</span>
            </td>
            <td className="tabular whitespace-nowrap py-1 text-right">{c.ours === null ? "n/a" : `${c.ours >= c.published ? "+" : "−"}${Math.abs((c.ours - c.published) * 100).toFixed(1)} pts`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One executive card: a share by segment (or by answer) with whiskers, the base, and published figures. */
export function ExecPanel({ panel }: { panel: HomePanel }) {
  return (
    <Card className="min-w-0" data-testid={`home-panel-${panel.id}`}>
      <CardHeader>
        <CardTitle>{panel.title}</CardTitle>
        {panel.error ? null : (
          <CardDescription>
            <span className="font-medium text-slate-700">{panel.takeaway}</span>
            <br />
            {panel.baseNote}
          </CardDescription>
        )}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {panel.error ? (
          <ErrorMessage title="This card is not available" message={panel.error} />
        ) : panel.data.length === 0 ? (
          <p className="text-sm text-slate-600">No answers to show yet.</p>
        ) : (
          <CiBarChart data={panel.data} title={panel.title} max={100} references={panel.references} />
        )}
        {panel.comparisons.length ? <Comparisons panel={panel} /> : null}
        <BenchmarkNotes benchmarks={panel.benchmarks} unpublished={panel.unpublished} />
        <AnalyzeLink href={panel.analyzeHref} />
      </CardContent>
    </Card>
  );
}
