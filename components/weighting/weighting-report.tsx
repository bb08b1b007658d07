import type { WeightsResponse } from "@/lib/schema/weighting";
import { formatBase, formatCount, formatNumber, formatPercent } from "@/lib/format/number";
import { Badge } from "@/components/ui/badge";

/** The weighting report (respondent access only). */
type AnyWeightingReport = WeightsResponse["report"];

/** Targets vs achieved, weight distribution, efficiency and convergence of a weighting run. */
export function WeightingReportView({ report }: { report: AnyWeightingReport }) {
  const w = report.weights;
  return (
    <div className="flex flex-col gap-4" data-testid="weighting-report">
      <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
        {[
          ["Weighting efficiency", formatPercent(w.efficiency)],
          ["Effective n", `${formatBase(w.effective_n)} of ${formatCount(report.rows.weighted)}`],
          ["Weights min / max", `${formatNumber(w.min, 3)} / ${formatNumber(w.max, 3)}`],
          ["Design effect", formatNumber(w.design_effect, 2)],
        ].map(([k, v]) => (
          <div key={k} className="rounded-md bg-slate-50 p-3">
            <dt className="text-xs uppercase tracking-wide text-slate-500">{k}</dt>
            <dd className="tabular text-lg font-semibold">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">
        {report.convergence.converged ? (
          <Badge tone="success">converged</Badge>
        ) : (
          <Badge tone="danger">did not converge</Badge>
        )}{" "}
        in {report.convergence.iterations} iteration{report.convergence.iterations === 1 ? "" : "s"} (largest margin error {report.convergence.max_margin_error.toExponential(1)}) ·{" "}
        {formatCount(report.rows.excluded_missing)} rows without a weight (a weighting variable is missing) · {formatCount(report.extreme.count)} extreme weight
        {report.extreme.count === 1 ? "" : "s"} (beyond {report.extreme.ratio}× or 1/{report.extreme.ratio} of the mean)
        {report.bounds ? ` · ${formatCount(report.bounds.at_min)} at the lower and ${formatCount(report.bounds.at_max)} at the upper bound` : ""}
      </p>
      <table className="w-full text-sm">
        <caption className="sr-only">Targets and achieved shares</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">Category</th>
            <th scope="col" className="px-3 py-2 text-right">n</th>
            <th scope="col" className="px-3 py-2 text-right">Target</th>
            <th scope="col" className="px-3 py-2 text-right">Achieved</th>
          </tr>
        </thead>
        <tbody>
          {report.margins.map((m, i) => (
            <tr key={i} className="border-t border-slate-100">
              <td className="px-3 py-1.5">{Object.entries(m.match).map(([k, v]) => `${k} = ${v}`).join(", ")}</td>
              <td className="tabular px-3 py-1.5 text-right">
                {formatCount(m.n)}
              </td>
              <td className="tabular px-3 py-1.5 text-right">{formatPercent(m.target)}</td>
              <td className="tabular px-3 py-1.5 text-right">{formatPercent(m.achieved)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
