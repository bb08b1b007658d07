"use client";

import type { ReactNode } from "react";
import { CartesianGrid, ErrorBar, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ComparePoint, CompareData } from "@/lib/analysis/banner-chart-data-compare";
import { LEVEL_COLORS, TOTAL_COLOR } from "./chart-config";
import { ChartFrame, type LegendItem } from "./chart-frame";
import { categoryAxisWidth, TooltipCard, useNarrow, valueTick, WrappedTick } from "./chart-parts";
import { INK } from "@/lib/format/palette";

interface Props {
  data: CompareData;
  title: string;
  note?: ReactNode;
}

type Dot = ComparePoint & { pos: number; color: string };

function DotTooltip({ active, payload, total }: { active?: boolean; payload?: { payload: Dot }[]; total: CompareData["total"] }) {
  if (!active || !payload?.length) return null;
  const p = payload[0].payload;
  const footer = total ? `Total: ${total.valueText} (CI ${total.ciText})` : undefined;
  return <TooltipCard title={`${p.groupLabel}: ${p.datum.isTotal ? "Total" : p.label}`} lines={[{ id: p.key, label: p.label, color: p.color, datum: p.datum }]} footer={footer} />;
}

interface DotShapeProps {
  cx?: number;
  cy?: number;
  payload?: Dot;
}

/** A filled dot; hollow for a low base. */
function DotShape({ cx = 0, cy = 0, payload }: DotShapeProps) {
  const low = payload?.datum.lowBase;
  return <circle cx={cx} cy={cy} r={6} fill={low ? INK.background : payload?.color} stroke={payload?.color} strokeWidth={2} />;
}

/** Each segment level's value for one answer, with its interval, against the Total (dashed line). */
export function DotPlot({ data, title, note }: Props) {
  const narrow = useNarrow();
  const groups = [...new Set(data.points.map((p) => p.groupLabel))];
  const dots: Dot[] = data.points.map((p, i) => ({ ...p, pos: i, color: LEVEL_COLORS[groups.indexOf(p.groupLabel) % LEVEL_COLORS.length] }));
  const labels = Object.fromEntries(dots.map((d) => [String(d.pos), d.label]));
  const axis = categoryAxisWidth(Object.values(labels), narrow);
  const height = Math.max(160, dots.length * 36 + 60);
  const legend: LegendItem[] = [
    ...groups.map((g, i) => ({ id: `g${i}`, label: g, color: LEVEL_COLORS[i % LEVEL_COLORS.length], shape: "dot" as const })),
    ...(data.total ? [{ id: "total", label: `Total ${data.total.valueText}`, color: TOTAL_COLOR, shape: "line" as const }] : []),
  ];
  return (
    <ChartFrame
      title={title}
      description={`Dots for each group's share answering ${data.row.label}, with confidence intervals, against the Total line.`}
      legend={legend}
      note={note}
      table={data.table}
      testId="dot-plot"
    >
      <ResponsiveContainer width="100%" height={height}>
        <ScatterChart margin={{ top: 16, right: 20, bottom: 8, left: 4 }}>
          <CartesianGrid horizontal={false} stroke={INK.grid} />
          <XAxis type="number" dataKey="value" domain={data.domain} tickFormatter={valueTick(data.scale.unit)} tick={{ fontSize: 12 }} allowDataOverflow />
          <YAxis
            type="number"
            dataKey="pos"
            domain={[-0.5, Math.max(0.5, dots.length - 0.5)]}
            ticks={dots.map((d) => d.pos)}
            reversed
            width={axis.width}
            interval={0}
            tick={<WrappedTick labels={labels} chars={axis.chars} />}
          />
          <Tooltip content={<DotTooltip total={data.total} />} cursor={{ stroke: INK.cursor }} />
          {data.total?.value != null ? <ReferenceLine x={data.total.value} stroke={TOTAL_COLOR} strokeDasharray="5 4" strokeWidth={1.5} /> : null}
          <Scatter data={dots} shape={<DotShape />} isAnimationActive={false}>
            <ErrorBar dataKey="error" direction="x" width={5} strokeWidth={1.5} stroke={INK.body} isAnimationActive={false} />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
