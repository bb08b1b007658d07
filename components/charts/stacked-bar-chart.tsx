"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { StackedBarData, StackedRow } from "@/lib/analysis/banner-chart-data-stacked";
import { likertSides } from "@/lib/analysis/banner-chart-data-stacked";
import { isolate } from "@/lib/format/bidi";
import { answerSeriesConfig, type ChartConfig } from "./chart-config";
import { ChartFrame } from "./chart-frame";
import { TooltipCard, useRowBars, valueTick, WrappedTick } from "./chart-parts";
import { INK } from "@/lib/format/palette";

interface Props {
  data: StackedBarData;
  title: string;
  /** colour answers on the diverging ramp (ordinal scales) instead of categorical hues */
  ordinal?: boolean;
  note?: ReactNode;
}

function StackedTooltip({ active, payload, config }: { active?: boolean; payload?: { payload: StackedRow }[]; config: ChartConfig }) {
  if (!active || !payload?.length) return null;
  const row = payload[0].payload;
  const lines = Object.entries(row.data).map(([id, datum]) => ({
    id,
    label: config[id]?.label ?? id,
    color: config[id]?.color ?? "",
    datum,
    drawnText: row.texts[id] !== datum.valueText ? row.texts[id] : undefined,
  }));
  return <TooltipCard title={row.groupLabel ? `${row.groupLabel}: ${row.label}` : row.label} lines={lines} />;
}

interface SegmentLabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
}

/** The segment's text inside it, only when there is room. */
function SegmentLabel({ x = 0, y = 0, width = 0, height = 0, value }: SegmentLabelProps) {
  const w = Number(width);
  const text = String(value ?? "");
  if (w < text.length * 6.5 + 6) return null;
  return (
    <text x={Number(x) + w / 2} y={Number(y) + Number(height) / 2} textAnchor="middle" dominantBaseline="central" fontSize={11} fill={INK.text} stroke={INK.background} strokeWidth={3} strokeOpacity={0.85} paintOrder="stroke">
      {isolate(text)}
    </text>
  );
}

/** Horizontal stacked bars, one per column (Total first): respondents or 100% of each column. */
export function StackedBarChart({ data, title, ordinal = false, note }: Props) {
  const { labels, axis, barSize, height, total } = useRowBars(data.rows);
  const config = answerSeriesConfig(data.series, ordinal ? likertSides(data.series.length) : undefined);
  return (
    <ChartFrame
      title={title}
      description={data.mode === "percent" ? "Each bar shows how a column's answers add up to 100%." : "Each bar shows a column's respondents split by answer."}
      legend={data.series.map((s) => ({ id: s.id, label: s.label, color: config[s.id].color }))}
      note={note}
      table={data.table}
      testId="stacked-bar-chart"
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data.rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 4 }}>
          <CartesianGrid horizontal={false} stroke={INK.grid} />
          <XAxis type="number" domain={[0, data.max]} tickFormatter={valueTick(data.unit)} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="key" width={axis.width} interval={0} tick={<WrappedTick labels={labels} chars={axis.chars} strong={total} />} />
          <Tooltip content={<StackedTooltip config={config} />} cursor={{ fill: "rgba(148,163,184,0.12)" }} />
          {data.series.map((s) => (
            <Bar key={s.id} dataKey={(r: StackedRow) => r.values[s.id] ?? 0} name={s.id} stackId="answers" fill={config[s.id].color} barSize={barSize} isAnimationActive={false} stroke={INK.background} strokeWidth={1}>
              <LabelList dataKey={(r: StackedRow) => r.texts[s.id] ?? ""} content={<SegmentLabel />} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
