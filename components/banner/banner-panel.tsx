"use client";

import { useCallback, useMemo, useState } from "react";
import type { ChartKind } from "@/lib/analysis/banner-chart-data-kinds";
import type { BreakdownRow } from "@/lib/analysis/breakdown-rows";
import { serializeBreakdownState, toBannerSpec, type BreakdownState } from "@/lib/analysis/breakdown-state";
import { withDefaultWeight } from "@/lib/analysis/default-weight";
import { formatNumber, formatPValue } from "@/lib/format/number";
import type { BannerResult } from "@/lib/schema/banner";
import { gridsOf, type QuestionLite } from "@/lib/analysis/question-roles";
import { BannerChart } from "@/components/charts/banner-chart";
import { EmptyState, ErrorMessage, LoadingPanel } from "@/components/states/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SignificancePanel } from "@/components/breakdown/significance-panel";
import { BannerExportButtons } from "./banner-export-buttons";
import { BannerTable } from "./banner-table";
import { useBanner } from "./use-banner";
import { lettersRule } from "@/lib/stats/letters-rule";

/** A banner cell as the breakdown's explanation panel reads it: the column with its letter and marks. */
function explainedRows(result: BannerResult, rowId: string, columnId: string): { row: BreakdownRow; rows: BreakdownRow[] } | null {
  const r = result.rows.find((x) => x.id === rowId);
  const col = result.columns.find((c) => c.id === columnId);
  if (!r || !col || col.segment === null) return null;
  const asRow = (c: BannerResult["columns"][number]): BreakdownRow => {
    const cell = r.cells[result.columns.indexOf(c)];
    return {
      key: c.id, label: c.level ?? c.label, isTotal: false, n: c.n, hidden: cell.hidden, weightedN: c.weightedN, effectiveN: c.effectiveN,
      estimate: cell.value, ci: cell.ci, ciMethod: "", lowBase: c.lowBase, letter: c.letter, sigText: cell.letters, marks: cell.marks ?? [],
    };
  };
  const rows = result.columns.filter((c) => c.segment === col.segment).map(asRow);
  return { row: { ...asRow(col), label: `${r.label} · ${col.label}` }, rows };
}

function testsText(result: BannerResult): string[] {
  return result.tests.flatMap((t) => {
    const seg = result.columns.find((c) => c.segment === t.segment)?.segmentLabel ?? t.segment;
    return t.test ? [`${seg}: ${t.test} ${formatNumber(t.statistic)}, ${formatPValue(t.p)}`] : [];
  });
}

/** The banner view of the analyze page: every answer of the outcome by the chosen segments. */
export function BannerPanel({ datasetId, state, questions = [], defaultWeight }: { datasetId: string; state: BreakdownState; questions?: QuestionLite[]; defaultWeight?: string }) {
  const grid = useMemo(() => gridsOf(questions).some((g) => g.id === state.outcome), [questions, state.outcome]);
  const spec = useMemo(() => toBannerSpec(withDefaultWeight(state, defaultWeight), { grid }), [state, defaultWeight, grid]);
  const segmentTypes = useMemo(() => Object.fromEntries(questions.map((q) => [q.id, q.type])), [questions]);
  const banner = useBanner(datasetId, spec);
  const [explain, setExplain] = useState<{ rowId: string; columnId: string } | null>(null);
  const [chartView, setChartView] = useState<{ kind: ChartKind; rowId: string } | undefined>(undefined);
  // the chart shown goes into the URL (replaceState: no history entry), so a saved view and its
  // dashboard tile keep it
  const onViewChange = useCallback(
    (view: { kind: ChartKind; rowId: string; groupIndex: number }) => {
      setChartView(view);
      if (state.chart !== view.kind) window.history.replaceState(window.history.state, "", `?${serializeBreakdownState({ ...state, chart: view.kind }).toString()}`);
    },
    [state],
  );
  if (banner.status === "idle") {
    return <EmptyState title="Choose an outcome and at least one segment">Every answer of the outcome becomes a row; each segment question adds a group of columns.</EmptyState>;
  }
  if (banner.status === "loading") return <LoadingPanel label="Computing banner table…" />;
  if (banner.status === "error") return <ErrorMessage title="The banner table could not be computed" message={banner.message} />;
  const result = banner.result;
  const groups = [...new Set(result.columns.flatMap((c) => (c.segmentLabel ? [c.segmentLabel] : [])))];
  const title = `${result.outcome.label} by ${groups.join(", ")}`;
  const total = result.columns[0];
  const explained = explain ? explainedRows(result, explain.rowId, explain.columnId) : null;
  return (
    <Card data-testid="banner-result" className="min-w-0">
      <CardHeader>
        <CardTitle>
          <bdi>{result.outcome.label}</bdi> <span className="font-normal text-slate-500">by</span>{" "}
          {groups.map((g, i) => (
            <span key={g}>
              {i ? ", " : ""}
              <bdi>{g}</bdi>
            </span>
          ))}
        </CardTitle>
        <CardDescription>
          {result.weighted ? "Weighted" : "Unweighted"} · {result.statistic === "mean" ? "means" : "% of respondents"} · base {total.hidden ?? total.n ?? "n/a"}
          {Object.keys(state.filters).length ? " · filtered" : ""}
          {result.disclosure.suppressedCells ? ` · ${result.disclosure.suppressedCells} cells hidden (small, or protecting a small cell)` : ""}
          {result.disclosure.exact ? " · exact numbers (you have respondent access)" : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex min-w-0 flex-col gap-4">
        <BannerChart result={result} segmentTypes={segmentTypes} onViewChange={onViewChange} initialKind={state.chart} />
        <BannerTable result={result} caption={title} onExplain={(rowId, columnId) => setExplain({ rowId, columnId })} />
        {explained ? <SignificancePanel row={explained.row} rows={explained.rows} statistic={result.statistic} onClose={() => setExplain(null)} /> : null}
        <div className="flex flex-wrap items-center gap-4 text-xs text-slate-600" aria-label="Legend">
          <span className="inline-flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm border border-amber-200 bg-amber-50" aria-hidden /> low base (effective n below the minimum)
          </span>
          <span data-testid="letters-legend">
            <span className="font-semibold text-blue-700">AB</span> {lettersRule({ test: result.weighted ? "weighted_z" : "unweighted", correction: result.sig, banner: true })}
          </span>
          {result.disclosure.exact ? null : (
            <>
              <span className="italic text-slate-500">&lt; {result.disclosure.k}</span>
              <span>hidden to protect small groups</span>
            </>
          )}
        </div>
        {testsText(result).length ? <p className="text-xs text-slate-600">Tests of independence: {testsText(result).join(" · ")}</p> : null}
        <details className="text-xs text-slate-500" data-testid="banner-notes">
          <summary className="cursor-pointer font-medium text-slate-600">Table notes</summary>
          <ul className="mt-1 list-disc pl-5">
            {result.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
        {spec ? (
          <div className="border-t border-slate-100 pt-4">
            <BannerExportButtons datasetId={datasetId} spec={spec} result={result} view={chartView} />
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
