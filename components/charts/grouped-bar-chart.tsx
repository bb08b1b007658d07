"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { GroupedBarData, GroupedBarRow } from "@/lib/analysis/banner-chart-data";
import { columnSeriesConfig, type ChartConfig } from "./chart-config";
import { ChartFrame } from "./chart-frame";
import { categoryAxisWidth, TooltipCard, useNarrow, valueTick, WrappedTick } from "./chart-parts";
import { INK } from "@/lib/format/palette";

interface Props {
  data: GroupedBarData;
  title: string;
  note?: ReactNode;
}

function GroupedTooltip({ active, payload, config }: { active?: boolean; payload?: { payload: GroupedBarRow }[]; config: ChartConfig }) {
  if (!active || !payload?.length) return null;
  const row = payload[0].payload;
  const lines = Object.entries(row.data).map(([id, datum]) => ({ id, label: config[id]?.label ?? id, color: config[id]?.color ?? "", datum }));
  return <TooltipCard title={row.label} lines={lines} />;
}

/**
 * Horizontal grouped bars: one group per answer, one bar per column (Total first) with CI whiskers.
 * Hidden cells have no value, so no bar is drawn for them.
 */
export function GroupedBarChart({ data, title, note }: Props) {
  const narrow = useNarrow();
  const config = columnSeriesConfig(data.series);
  const labels = Object.fromEntries(data.rows.map((r) => [r.key, r.label]));
  const axis = categoryAxisWidth(Object.values(labels), narrow);
  const barSize = narrow ? 9 : 12;
  const height = Math.max(180, data.rows.length * (data.series.length * (barSize + 2) + 22) + 48);
  const legend = data.series.map((s) => ({ id: s.id, label: s.label, color: config[s.id].color }));
  return (
    <ChartFrame
      title={title}
      description={`Bars for each answer by ${data.group?.label ?? "column"}, with confidence-interval whiskers.`}
      legend={legend}
      note={note}
      table={data.table}
      testId="grouped-bar-chart"
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data.rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 4 }} barGap={2} barCategoryGap={14}>
          <CartesianGrid horizontal={false} stroke={INK.grid} />
          <XAxis type="number" domain={[0, data.max]} tickFormatter={valueTick(data.scale.unit)} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="key" width={axis.width} interval={0} tick={<WrappedTick labels={labels} chars={axis.chars} />} />
          <Tooltip content={<GroupedTooltip config={config} />} cursor={{ fill: "rgba(148,163,184,0.12)" }} />
          {data.series.map((s) => (
            <Bar
              key={s.id}
              dataKey={(r: GroupedBarRow) => r.values[s.id] ?? null}
              name={s.id}
              fill={config[s.id].color}
              barSize={barSize}
              isAnimationActive={false}
              radius={[0, 3, 3, 0]}
            >
              {data.rows.map((r) => (
                <Cell key={r.key} fillOpacity={r.data[s.id]?.lowBase ? 0.45 : 1} />
              ))}
              <ErrorBar dataKey={(r: GroupedBarRow) => r.errors[s.id] ?? [0, 0]} width={4} strokeWidth={1.25} stroke={INK.text} direction="x" isAnimationActive={false} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
