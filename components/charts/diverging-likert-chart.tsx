"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DivergingData, DivergingRow } from "@/lib/analysis/banner-chart-data-stacked";
import { divergingColor } from "./chart-config";
import { ChartFrame } from "./chart-frame";
import { TooltipCard, useRowBars, WrappedTick } from "./chart-parts";
import { INK } from "@/lib/format/palette";

interface Props {
  data: DivergingData;
  title: string;
  note?: ReactNode;
}

type Colors = Record<string, { label: string; color: string }>;

function DivergingTooltip({ active, payload, colors }: { active?: boolean; payload?: { payload: DivergingRow }[]; colors: Colors }) {
  if (!active || !payload?.length) return null;
  const row = payload[0].payload;
  const lines = Object.entries(row.data).map(([id, datum]) => ({ id, label: colors[id]?.label ?? id, color: colors[id]?.color ?? "", datum }));
  return (
    <TooltipCard
      title={row.groupLabel ? `${row.groupLabel}: ${row.label}` : row.label}
      lines={lines}
      footer={`Negative side ${row.negText} · positive side ${row.posText} (midpoint not counted)`}
    />
  );
}

/**
 * Diverging Likert bars centred on the scale midpoint: disagree answers to the left of zero, agree
 * answers to the right; a neutral midpoint is split in half across zero (see divergingLikertData).
 */
export function DivergingLikertChart({ data, title, note }: Props) {
  const { narrow, labels, axis, barSize, height, total } = useRowBars(data.rows);
  const colors: Colors = Object.fromEntries(data.series.map((s) => [s.id, { label: s.label, color: divergingColor(s.side, s.strength) }]));
  return (
    <ChartFrame
      title={title}
      description="Diverging bars: negative answers extend left of the centre line, positive answers right; the neutral answer straddles it."
      legend={data.series.map((s) => ({ id: s.id, label: s.label, color: colors[s.id].color }))}
      note={note}
      table={data.table}
      testId="diverging-likert-chart"
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data.rows} layout="vertical" stackOffset="sign" margin={{ top: 8, right: 16, bottom: 8, left: 4 }}>
          <CartesianGrid horizontal={false} stroke={INK.grid} />
          <XAxis
            type="number"
            domain={[-data.max, data.max]}
            tickFormatter={(v: number) => `${Math.abs(Math.round(v))}%`}
            tick={{ fontSize: 12 }}
            ticks={narrow ? data.ticks.filter((_, i) => i % 2 === ((data.ticks.length - 1) / 2) % 2) : data.ticks}
          />
          <YAxis type="category" dataKey="key" width={axis.width} interval={0} tick={<WrappedTick labels={labels} chars={axis.chars} strong={total} />} />
          <Tooltip content={<DivergingTooltip colors={colors} />} cursor={{ fill: "rgba(148,163,184,0.12)" }} />
          {data.segments.map((seg) => (
            <Bar
              key={seg.id}
              dataKey={(r: DivergingRow) => r.values[seg.id] ?? 0}
              name={seg.id}
              stackId="likert"
              fill={colors[seg.seriesId].color}
              barSize={barSize}
              isAnimationActive={false}
            />
          ))}
          <ReferenceLine x={0} stroke={INK.body} strokeWidth={1.5} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
