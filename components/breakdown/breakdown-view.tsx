"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { getBreakdownRows, type BreakdownRow } from "@/lib/analysis/breakdown-rows";
import { assignLetters } from "@/lib/stats/letters";
import { lettersRule } from "@/lib/stats/letters-rule";
import type { CrosstabResult } from "@/lib/schema/crosstab-result";
import { formatPValue } from "@/lib/format/number";
import { parseBreakdownState, serializeBreakdownState, stateQuestions, SUMMARY, toCrosstabSpec, type BreakdownState } from "@/lib/analysis/breakdown-state";
import { withDefaultWeight } from "@/lib/analysis/default-weight";
import { toChartData } from "@/lib/analysis/chart-data";
import { npsAsBreakdown } from "@/lib/analysis/nps-source";
import type { QuestionLite } from "@/lib/analysis/question-roles";
import { formatCount, formatCountOf } from "@/lib/format/number";
import { CiBarChart } from "@/components/charts/ci-bar-chart";
import { DataTable } from "@/components/tables/data-table";
import { EmptyState, ErrorMessage, LoadingPanel } from "@/components/states/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { BreakdownControls } from "./breakdown-controls";
import { SignificancePanel } from "./significance-panel";
import { RScriptButton } from "./r-script-button";
import { ExportButtons } from "./export-buttons";
import { RespondentExport, type ExportableQuestion } from "./respondent-export";
import { getBreakdownColumns } from "./breakdown-columns";
import { useCrosstab } from "./use-crosstab";
import { useQuestionCatalog } from "@/components/questions/use-question-catalog";
import { BannerPanel } from "@/components/banner/banner-panel";
import { SaveViewButton } from "@/components/views/save-view-button";
import { PERTURBED_LABEL, PERTURBED_NOTE } from "@/lib/disclosure/cell-key/label";

interface Props {
  datasetId: string;
  /** every question, or (lazy) the ones the URL names: the pickers load the rest */
  questions: QuestionLite[];
  lazy?: boolean;
  /** how many questions the dataset has */
  questionCount?: number;
  minBase: number;
  /** applied when the page opens without a state in the URL (e.g. Qualtrics previews excluded) */
  defaultFilters?: { question: string; values: string[]; reason: string }[];
  /** present when the viewer may export respondent-level rows */
  respondentExport?: ExportableQuestion[] | null;
  /** the dataset's default weight: used unless the URL names a weight or switches weighting off */
  defaultWeight?: string;
}

/** Outcome × segment breakdown: controls, chart with CI whiskers and the matching table. */
export function BreakdownView({ datasetId, questions, lazy = false, questionCount, minBase, defaultFilters = [], respondentExport = null, defaultWeight }: Props) {
  const params = useSearchParams();
  const catalog = useQuestionCatalog(datasetId, questions, lazy, questionCount);
  // local state is the source of truth while the page is open (changes can outpace router
  // updates); every change is pushed to the URL, and back/forward restore it
  const [state, setState] = useState<BreakdownState>(() => {
    const fromUrl = parseBreakdownState(new URLSearchParams(params.toString()));
    if (params.toString() !== "" || !defaultFilters.length) return fromUrl;
    return { ...fromUrl, filters: Object.fromEntries(defaultFilters.map((f) => [f.question, f.values])) };
  });
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);
  useEffect(() => {
    const restore = () => {
      const s = parseBreakdownState(new URLSearchParams(window.location.search));
      latest.current = s;
      setState(s);
    };
    window.addEventListener("popstate", restore);
    return () => window.removeEventListener("popstate", restore);
  }, []);
  // a wide dataset's page carries only the questions its first URL named: load what back/forward names
  const { ensure } = catalog;
  useEffect(() => {
    void ensure(stateQuestions(state)).catch(() => undefined);
  }, [state, ensure]);
  const outcome = catalog.find(state.outcome);
  // the state as computed: its weight resolved (the URL's, none when switched off, else the default)
  const effective = useMemo(() => withDefaultWeight(state, defaultWeight), [state, defaultWeight]);
  const request = useMemo(
    () => (effective.view === "banner" ? null : toCrosstabSpec(effective, outcome ? { type: outcome.type, codes: outcome.options.map((o) => o.code) } : undefined)),
    [effective, outcome],
  );
  const spec = request?.spec ?? null;
  const crosstab = useCrosstab(datasetId, request);
  const onChange = (update: (current: BreakdownState) => BreakdownState) => {
    const next = update(latest.current);
    latest.current = next;
    setState(next);
    window.history.pushState(null, "", `?${serializeBreakdownState(next).toString()}`);
  };

  const segment = catalog.find(state.segment);
  const view = useMemo(() => {
    if (crosstab.status !== "ready") return null;
    const weighted = Boolean(effective.weight);
    // segment groups by their answer labels (value labels of coded answers), not their codes
    const labels = Object.fromEntries((segment?.options ?? []).map((o) => [o.code, o.label]));
    if (crosstab.result.kind === "nps") {
      const nps = crosstab.result.result;
      const rows = getBreakdownRows(npsAsBreakdown(nps), { weighted, minBase, labels });
      return { result: { statistic: "mean" as const, conf_level: nps.conf_level, rows: nps.rows }, rows, chart: toChartData(rows, "mean"), chisqText: null, nps: true, hiddenCount: 0, exact: null, perturbed: nps.disclosure?.perturbed === true, rule: null };
    }
    const result = crosstab.result.result;
    // hidden cells carry no pairwise tests (lib/disclosure removed them), so no letter can point at them
    const rule = { test: weighted ? ("weighted_z" as const) : ("unweighted" as const), correction: state.sig ?? "none" };
    const letters = assignLetters(result as unknown as Pick<CrosstabResult, "pairwise" | "segments">, rule);
    const rows = getBreakdownRows(result, { weighted, minBase, labels }, letters);
    const chisq = result.statistic === "proportion" ? result.chisq?.binary : undefined;
    const chisqText = chisq
      ? weighted
        ? `Rao–Scott F ${chisq.weighted?.rao_scott_f?.F?.toFixed(2) ?? "n/a"}, ${formatPValue(chisq.weighted?.rao_scott_f?.p_value)}`
        : `χ² ${chisq.unweighted?.x2?.toFixed(2) ?? "n/a"} (df ${chisq.unweighted?.df ?? "n/a"}), ${formatPValue(chisq.unweighted?.p_value)}`
      : null;
    return { result, rows, chart: toChartData(rows, result.statistic), chisqText, nps: false, hiddenCount: rows.filter((r) => r.hidden !== null).length, exact: result.disclosure.exact ?? null, perturbed: result.disclosure.perturbed === true, rule };
  }, [crosstab, effective.weight, state.sig, minBase, segment]);
  const [explainKey, setExplainKey] = useState<string | null>(null);
  const explained: BreakdownRow | undefined = view?.rows.find((r) => r.key === explainKey);

  const category = outcome?.options.find((o) => o.code === state.category);
  const summaryName: Record<string, string> = { [SUMMARY.top2]: "Top 2 box", [SUMMARY.bottom2]: "Bottom 2 box", [SUMMARY.mean]: "Mean score", [SUMMARY.nps]: "NPS" };
  const measure = outcome?.type === "numeric" ? "Mean" : (summaryName[state.category ?? ""] ?? `“${category?.label ?? state.category}”`);
  const title = outcome ? `${measure} · ${outcome.label}${segment ? ` by ${segment.label}` : ""}` : "Breakdown";

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardContent>
          <BreakdownControls catalog={catalog} state={state} onChange={onChange} defaultWeight={defaultWeight} />
          {defaultFilters.length ? (
            <p className="mt-3 text-xs text-slate-500" data-testid="default-filters">
              Default filters from the import: {defaultFilters.map((f) => f.reason).join("; ")}. Remove them above to include everyone.
            </p>
          ) : null}
          {state.outcome && (state.segment || state.segments?.length) ? (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <SaveViewButton datasetId={datasetId} defaultName={state.view === "banner" ? undefined : title} />
            </div>
          ) : null}
        </CardContent>
      </Card>
      {state.view === "banner" ? (
        <BannerPanel datasetId={datasetId} state={state} questions={catalog.questions} defaultWeight={defaultWeight} />
      ) : crosstab.status === "idle" ? (
        <EmptyState title="Choose what to break down">Pick an outcome question, the answer to measure and a segment question to compare groups.</EmptyState>
      ) : crosstab.status === "loading" ? (
        <LoadingPanel label="Computing breakdown…" />
      ) : crosstab.status === "error" ? (
        <ErrorMessage title="The breakdown could not be computed" message={crosstab.message} />
      ) : view ? (
        <Card data-testid="breakdown-result">
          <CardHeader>
            <CardTitle>{title}</CardTitle>
            <CardDescription>
              {effective.weight ? `Weighted (${effective.weight}${effective.weight === defaultWeight ? ", the dataset's default" : ""})` : "Unweighted"} · {formatCount(view.result.rows?.analytic)} of {formatCountOf(view.result.rows?.csv, "respondent")} in the base
              {Object.keys(state.filters).length ? " · filtered" : ""} · intervals: {view.rows[0]?.ciMethod}
              {view.chisqText ? ` · ${view.chisqText}` : ""}
              {view.hiddenCount ? ` · ${view.hiddenCount} group${view.hiddenCount === 1 ? "" : "s"} hidden (small, or protecting a small cell)` : ""}
              {view.exact ? ` · exact numbers (${view.exact === "open-policy" ? "this dataset is open" : "you have respondent access"})` : ""}
              {view.perturbed ? <span data-testid="perturbed" title={PERTURBED_NOTE}>{` · counts ${PERTURBED_LABEL}`}</span> : null}
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            <CiBarChart data={view.chart} title={title} max={view.result.statistic === "proportion" ? 100 : undefined} unit={view.result.statistic === "proportion" ? "%" : ""} />
            <DataTable
              data={view.rows}
              columns={getBreakdownColumns(view.result.statistic, view.result.conf_level, (r) => setExplainKey(r.key), view.nps ? "NPS" : undefined)}
              caption={title}
              testId="breakdown-table"
              rowClassName={(r) => (r.isTotal ? "bg-slate-50" : r.lowBase ? "bg-amber-50/60" : undefined)}
            />
            {view.rule ? (
              <p className="text-xs text-slate-600" data-testid="letters-legend">
                <span className="font-semibold text-blue-700">Sig.</span> {lettersRule(view.rule)} “–”: no significant difference. Select a letter to see its tests.
              </p>
            ) : null}
            {explained ? (
              <SignificancePanel row={explained} rows={view.rows} statistic={view.result.statistic} onClose={() => setExplainKey(null)} />
            ) : null}
            {spec ? (
              <div className="flex flex-col gap-3 border-t border-slate-100 pt-4">
                {view.nps ? null : <ExportButtons datasetId={datasetId} spec={spec} sig={state.sig} />}
                {view.nps ? null : <RScriptButton datasetId={datasetId} spec={spec} />}
                {respondentExport ? <RespondentExport datasetId={datasetId} questions={respondentExport} filters={state.filters} catalog={catalog} /> : null}
              </div>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
