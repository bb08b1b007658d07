"use client";

import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartDatum } from "@/lib/analysis/chart-data";
import { BENCHMARK_COLOR, SERIES_COLORS, TOTAL_COLOR } from "./chart-config";
import { INK } from "@/lib/format/palette";
import { labelWidth, placeValueLabel } from "@/lib/analysis/label-placement";
import { ChartFocus } from "./chart-focus";

/** One bar: the chart-ready row built by lib/analysis/chart-data (same numbers and texts as the table). */
export type CiBarDatum = ChartDatum;

export interface ReferenceMark {
  value: number;
  label: string;
}

interface Props {
  data: CiBarDatum[];
  /** axis maximum on the display scale (100 for percentages) */
  max?: number;
  unit?: string;
  references?: ReferenceMark[];
  title: string;
}

function TooltipBody({ active, payload }: { active?: boolean; payload?: { payload: CiBarDatum }[] }) {
  if (!active || !payload?.length) return null;
  const d = payload[0].payload;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-slate-900">{d.label}</p>
      <p className="tabular">
        {d.valueText} <span className="text-slate-500">(CI {d.ciText})</span>
      </p>
      <p className="tabular text-slate-500">{d.baseText}</p>
      {d.lowBase ? <p className="text-amber-700">Low base: read with caution</p> : null}
    </div>
  );
}

interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
  value?: string | number;
  rows: { value: number | null; hi: number | null }[];
  /** reference line values on the display scale */
  lines: number[];
  /** axis maximum on the display scale, when fixed */
  max?: number;
}

/** Right margin of the plot: room for a value label past the axis end. */
const RIGHT_MARGIN = 48;

/**
 * The value label, just past the upper whisker so it never overlaps the interval, and never on a
 * benchmark line: moved right of it, or into the bar's end on a narrow screen (lib/analysis/label-placement).
 */
function ValueLabel({ x = 0, y = 0, width = 0, height = 0, index = 0, value, rows, lines, max }: LabelProps) {
  const d = rows[index];
  const [nx, ny, nw, nh] = [Number(x), Number(y), Number(width), Number(height)];
  const text = String(value ?? "");
  // pixels per display unit, from this bar (the axis starts at 0)
  const ppu = d && d.value && d.value > 0 ? nw / d.value : null;
  const whiskerEnd = ppu !== null && d.hi !== null ? nx + d.hi * ppu : nx + nw;
  const place =
    ppu === null
      ? { x: whiskerEnd + 6, anchor: "start" as const, inside: false }
      : placeValueLabel({
          barStart: nx,
          barEnd: nx + nw,
          whiskerEnd,
          width: labelWidth(text),
          lines: lines.map((l) => nx + l * ppu),
          right: max !== undefined ? nx + max * ppu + RIGHT_MARGIN - 2 : Number.POSITIVE_INFINITY,
        });
  return (
    <text
      x={place.x}
      y={ny + nh / 2}
      textAnchor={place.anchor}
      dominantBaseline="central"
      fontSize={12}
      fill={place.inside ? INK.background : INK.body}
      fontWeight={place.inside ? 600 : 400}
      data-value-label=""
    >
      {text}
    </text>
  );
}

/**
 * Reference labels sit above their lines; when there are several (Sinch 74% and 81% are close),
 * the lowest is moved to the left of its line and the highest to the right so they never overlap,
 * even on a phone.
 */
function spreadReferenceLabels(references: ReferenceMark[]): (ReferenceMark & { dx: number })[] {
  const sorted = [...references].sort((a, b) => a.value - b.value);
  return sorted.map((r, i) => {
    const half = (r.label.length * 6) / 2 + 3;
    const dx = sorted.length < 2 ? 0 : i === 0 ? -half : i === sorted.length - 1 ? half : 0;
    return { ...r, dx };
  });
}

/** Horizontal bars with confidence whiskers; one bar per segment plus the total. */
export function CiBarChart({ data, max, unit = "%", references = [], title }: Props) {
  const rows = data.map((d) => ({
    ...d,
    plot: d.value ?? 0,
    err: d.value !== null && d.lo !== null && d.hi !== null ? [d.value - d.lo, d.hi - d.value] : [0, 0],
  }));
  const height = Math.max(160, rows.length * 44 + 60);
  const labelWidth = Math.min(160, Math.max(56, Math.max(...rows.map((r) => r.label.length)) * 7));
  return (
    <figure aria-label={title} className="w-full">
      <ChartFocus
        label={title}
        summary={`${data.map((d) => `${d.label}: ${d.valueText}${d.ciText && d.ciText !== "n/a" ? ` (95% CI ${d.ciText})` : ""}`).join("; ")}${references.length ? `. Reference lines: ${references.map((r) => r.label).join(", ")}` : ""}.`}
      >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} layout="vertical" margin={{ top: 16, right: RIGHT_MARGIN, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={INK.grid} />
          <XAxis type="number" domain={[0, max ?? "auto"]} tickFormatter={(v: number) => `${v}${unit}`} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip content={<TooltipBody />} cursor={{ fill: "rgba(148,163,184,0.12)" }} />
          {spreadReferenceLabels(references).map((r) => (
            <ReferenceLine
              key={r.label}
              x={r.value}
              stroke={BENCHMARK_COLOR}
              strokeDasharray="4 3"
              label={{ value: r.label, position: "top", fill: BENCHMARK_COLOR, fontSize: 11, dx: r.dx }}
            />
          ))}
          <Bar dataKey="plot" isAnimationActive={false} radius={[0, 4, 4, 0]}>
            {rows.map((d) => (
              <Cell
                key={d.key}
                fill={d.isTotal ? TOTAL_COLOR : SERIES_COLORS[0]}
                fillOpacity={d.lowBase ? 0.45 : 1}
              />
            ))}
            <ErrorBar dataKey="err" width={6} strokeWidth={1.5} stroke={INK.text} direction="x" isAnimationActive={false} />
            <LabelList dataKey="valueText" content={<ValueLabel rows={rows} lines={references.map((r) => r.value)} max={max} />} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      </ChartFocus>
    </figure>
  );
}
