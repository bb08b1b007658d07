"use client";

import { useEffect, useId, useMemo, useState, type ReactNode } from "react";
import { columnBaseText, columnGroups, groupedBarData, totalColumn } from "@/lib/analysis/banner-chart-data";
import { dotPlotData, trendData } from "@/lib/analysis/banner-chart-data-compare";
import { chartKindsFor, type ChartKind } from "@/lib/analysis/banner-chart-data-kinds";
import { divergingLikertData, stackedBarData } from "@/lib/analysis/banner-chart-data-stacked";
import { bannerRowLabel, notInBaseNote } from "@/lib/analysis/banner-view";
import { isolate } from "@/lib/format/bidi";
import type { BannerResult } from "@/lib/schema/banner";
import { EmptyState } from "@/components/states/states";
import { Field, Select } from "@/components/ui/field";
import { ChartKindPicker } from "./chart-kind-picker";
import { DivergingLikertChart } from "./diverging-likert-chart";
import { DotPlot } from "./dot-plot";
import { GroupedBarChart } from "./grouped-bar-chart";
import { StackedBarChart } from "./stacked-bar-chart";
import { TrendChart } from "./trend-chart";

interface Props {
  result: BannerResult;
  /** segment question id → question type, when the caller knows it (a "date" segment gets a trend) */
  segmentTypes?: Record<string, string>;
  /** source line shown under the base note, e.g. "Source: DevOps pulse 2025" */
  source?: ReactNode;
  /** told which chart is shown (kind, answer row, column group), e.g. so the export matches it */
  onViewChange?: (view: { kind: ChartKind; rowId: string; groupIndex: number }) => void;
  /** the chart to open on (e.g. the kind saved with a view); falls back when it does not suit the result */
  initialKind?: ChartKind;
  /** hide the chart-kind, answer and group pickers (a dashboard tile shows what was saved) */
  fixed?: boolean;
}

function defaultKind(kinds: ChartKind[]): ChartKind {
  return kinds.includes("diverging") ? "diverging" : (kinds[0] ?? "grouped");
}

/** The base/source note: base, weighting, interval level, what protection left out (the result's notes stay with the table). */
function BaseNote({ result, omitted, source }: { result: BannerResult; omitted: string[]; source?: ReactNode }) {
  const total = totalColumn(result);
  const hidden = result.disclosure.suppressedCells;
  const apart = notInBaseNote(result);
  return (
    <span className="flex flex-col gap-0.5" data-testid="chart-base-note">
      {apart ? <span data-testid="chart-not-in-base">{apart}</span> : null}
      <span>
        {total ? `Base: all respondents answering, ${columnBaseText(total)}. ` : ""}
        {result.weighted ? "Weighted. " : "Unweighted. "}
        {`${Math.round(result.conf_level * 100)}% confidence intervals.`}
        {hidden ? ` ${hidden} cell${hidden === 1 ? "" : "s"} hidden (fewer than ${result.disclosure.k} respondents, or protecting such a cell) and not drawn.` : ""}
      </span>
      {omitted.length ? (
        <span>
          Left out of this chart because part of it is hidden:{" "}
          {omitted.map((o, i) => (
            <span key={i}>
              {i ? ", " : ""}
              <bdi>{o}</bdi>
            </span>
          ))}{" "}
          (see the data table).
        </span>
      ) : null}
      {source ? <span>{source}</span> : null}
    </span>
  );
}

/** Chart view of a banner table: the chart kinds that suit the result, with answer and group pickers. */
export function BannerChart({ result, segmentTypes, source, onViewChange, initialKind, fixed = false }: Props) {
  const ctx = useMemo(() => ({ segmentTypes }), [segmentTypes]);
  const kinds = useMemo(() => chartKindsFor(result, ctx), [result, ctx]);
  const [picked, setPicked] = useState<ChartKind | null>(initialKind ?? null);
  const [rowPicked, setRowPicked] = useState<string | null>(null);
  const [groupPicked, setGroupPicked] = useState(0);
  const ids = { row: useId(), group: useId() };
  const kind = picked && kinds.includes(picked) ? picked : defaultKind(kinds);
  const groups = columnGroups(result);
  const rowId = result.rows.some((r) => r.id === rowPicked) ? (rowPicked as string) : (result.rows[0]?.id ?? "");
  const groupIndex = groupPicked < groups.length ? groupPicked : 0;
  const outcome = result.outcome.label;
  useEffect(() => onViewChange?.({ kind, rowId, groupIndex }), [onViewChange, kind, rowId, groupIndex]);

  if (!kinds.length) {
    return <EmptyState title="Nothing to chart">Every cell is hidden by small-cell protection. The table shows what can be shown.</EmptyState>;
  }

  let chart: ReactNode = null;
  if (kind === "grouped") {
    const data = groupedBarData(result, groupIndex);
    chart = <GroupedBarChart data={data} title={`${outcome} by ${data.group?.label ?? "column"}`} note={<BaseNote result={result} omitted={[]} source={source} />} />;
  } else if (kind === "stacked" || kind === "stacked100") {
    const data = stackedBarData(result, kind === "stacked" ? "count" : "percent");
    const title = `${outcome}${kind === "stacked" ? (result.weighted ? " (weighted respondents)" : " (respondents)") : ""} by ${groups.map((g) => g.label).join(" and ")}`;
    chart = <StackedBarChart data={data} title={title} ordinal={result.outcome.type === "ordinal"} note={<BaseNote result={result} omitted={data.omitted} source={source} />} />;
  } else if (kind === "diverging") {
    const data = divergingLikertData(result);
    chart = <DivergingLikertChart data={data} title={`${outcome} by ${groups.map((g) => g.label).join(" and ")}`} note={<BaseNote result={result} omitted={data.omitted} source={source} />} />;
  } else if (kind === "dot") {
    const data = dotPlotData(result, rowId);
    chart = <DotPlot data={data} title={`${outcome}: ${data.row.label}, each group against the Total`} note={<BaseNote result={result} omitted={[]} source={source} />} />;
  } else {
    const data = trendData(result, rowId, ctx);
    chart = data ? <TrendChart data={data} title={`${outcome}: ${data.row.label} over ${data.group.label}`} note={<BaseNote result={result} omitted={data.omitted} source={source} />} /> : null;
  }

  const answerPicker = !fixed && (kind === "dot" || kind === "trend") && result.rows.length > 1;
  const groupPicker = !fixed && kind === "grouped" && groups.length > 1;
  return (
    <section className="flex flex-col gap-4" aria-label="Banner chart" data-testid="banner-chart">
      <div className="flex flex-wrap items-end gap-4">
        {fixed ? null : <ChartKindPicker kinds={kinds} value={kind} onChange={setPicked} />}
        {answerPicker ? (
          <div className="w-full max-w-64 sm:w-64">
            <Field label="Answer" htmlFor={ids.row}>
              <Select id={ids.row} value={rowId} onChange={(e) => setRowPicked(e.target.value)}>
                {result.rows.map((r) => (
                  <option key={r.id} value={r.id}>
                    {isolate(bannerRowLabel(r))}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        ) : null}
        {groupPicker ? (
          <div className="w-full max-w-64 sm:w-64">
            <Field label="Compare by" htmlFor={ids.group}>
              <Select id={ids.group} value={String(groupIndex)} onChange={(e) => setGroupPicked(Number(e.target.value))}>
                {groups.map((g) => (
                  <option key={g.index} value={g.index}>
                    {isolate(g.label)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        ) : null}
      </div>
      {chart}
    </section>
  );
}
