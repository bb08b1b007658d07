"use client";

import type { ReactNode } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendData, TrendPoint } from "@/lib/analysis/banner-chart-data-compare";
import { isolate } from "@/lib/format/bidi";
import { LEVEL_COLORS, TOTAL_COLOR } from "./chart-config";
import { ChartFrame, type LegendItem } from "./chart-frame";
import { TooltipCard, useNarrow, valueTick } from "./chart-parts";
import { INK } from "@/lib/format/palette";

interface Props {
  data: TrendData;
  title: string;
  note?: ReactNode;
}

const LINE = LEVEL_COLORS[0];

function TrendTooltip({ active, payload, group }: { active?: boolean; payload?: { payload: TrendPoint }[]; group: string }) {
  if (!active || !payload?.length) return null;
  const p = payload[0].payload;
  return <TooltipCard title={`${group}: ${p.label}`} lines={[{ id: p.key, label: p.label, color: LINE, datum: p.datum }]} />;
}

interface PointProps {
  cx?: number;
  cy?: number;
  payload?: TrendPoint;
}

/** A point on the line; hollow for a low base. */
function TrendDot({ cx = 0, cy = 0, payload }: PointProps) {
  return <circle cx={cx} cy={cy} r={4.5} fill={payload?.datum.lowBase ? INK.background : LINE} stroke={LINE} strokeWidth={2} />;
}

/** One answer over time (levels in chronological order) with its confidence band and the Total as a dashed line. */
export function TrendChart({ data, title, note }: Props) {
  const narrow = useNarrow();
  const labels = Object.fromEntries(data.points.map((p) => [String(p.t), p.label]));
  const ts = data.points.map((p) => p.t);
  const span = ts.length ? [Math.min(...ts), Math.max(...ts)] : [0, 1];
  const legend: LegendItem[] = [
    { id: "line", label: data.row.label, color: LINE, shape: "dot" },
    { id: "band", label: "Confidence interval", color: "color-mix(in oklch, var(--color-chart-1) 22%, white)" },
    ...(data.total ? [{ id: "total", label: `Total ${data.total.valueText}`, color: TOTAL_COLOR, shape: "line" as const }] : []),
  ];
  return (
    <ChartFrame
      title={title}
      description={`Line of ${data.row.label} across ${data.group.label}, in time order, with a shaded confidence band.`}
      legend={legend}
      note={note}
      table={data.table}
      testId="trend-chart"
    >
      <ResponsiveContainer width="100%" height={narrow ? 240 : 300}>
        <ComposedChart data={data.points} margin={{ top: 12, right: 20, bottom: 8, left: 4 }}>
          <CartesianGrid vertical={false} stroke={INK.grid} />
          <XAxis
            dataKey="t"
            type="number"
            domain={span[0] === span[1] ? [span[0] - 1, span[1] + 1] : span}
            ticks={ts}
            tickFormatter={(t: number) => isolate(labels[String(t)] ?? "")}
            tick={{ fontSize: 12 }}
            interval={narrow ? "preserveStartEnd" : 0}
            padding={{ left: 24, right: 24 }}
          />
          <YAxis type="number" domain={data.domain} tickFormatter={valueTick(data.scale.unit)} tick={{ fontSize: 12 }} width={48} allowDataOverflow />
          <Tooltip content={<TrendTooltip group={data.group.label} />} cursor={{ stroke: INK.cursor }} />
          <Area dataKey="band" stroke="none" fill={LINE} fillOpacity={0.18} isAnimationActive={false} activeDot={false} />
          {data.total?.value != null ? <ReferenceLine y={data.total.value} stroke={TOTAL_COLOR} strokeDasharray="5 4" strokeWidth={1.5} /> : null}
          <Line dataKey="value" stroke={LINE} strokeWidth={2.5} dot={<TrendDot />} activeDot={{ r: 6 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
