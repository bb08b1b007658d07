"use client";

import { ChartFocus } from "@/components/charts/chart-focus";
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLORS } from "@/components/charts/chart-config";
import { INK } from "@/lib/format/palette";

export interface DriverDatum {
  key: string;
  /** the predictor's question label (full; wrapped on the axis) */
  label: string;
  /** odds ratio of its strongest term, its interval */
  or: number;
  lo: number;
  hi: number;
  /** pre-formatted texts from lib/format */
  detail: string;
  pText: string;
  significant: boolean;
}

const TICKS = [0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32];
/** Characters per line of a wrapped axis label. */
const LINE = 28;
const LINE_HEIGHT = 14;

/**
 * Break a label into lines of about {@link LINE} characters at spaces (a longer word gets its
 * own line); the whole text is kept.
 * @example wrapLabel("How would you describe the maturity of your guardrails?") // ["How would you describe the", "maturity of your guardrails?"]
 */
export function wrapLabel(label: string, width = LINE): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

function WrappedTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const lines = wrapLabel(payload?.value ?? "");
  const top = -((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill={INK.body}>
      {lines.map((l, i) => (
        <tspan key={i} x={x} dx={-6} dy={i === 0 ? top + 4 : LINE_HEIGHT}>
          {i < lines.length - 1 ? `${l} ` : l}
        </tspan>
      ))}
    </text>
  );
}

function TooltipBody({ active, payload }: { active?: boolean; payload?: { payload: DriverDatum }[] }) {
  if (!active || !payload?.length) return null;
  const d = payload[0].payload;
  return (
    <div className="max-w-xs rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-slate-900">
        <bdi>{d.label}</bdi>
      </p>
      <p className="tabular">{d.detail}</p>
      <p className="tabular text-slate-500">{d.pText}</p>
    </div>
  );
}

/**
 * Ranked key drivers: one horizontal bar per predictor, the odds ratio of its strongest term with
 * its confidence interval, on a log scale (bars grow left or right from an odds ratio of 1).
 * Plotted as log2(OR) on a linear axis whose ticks are labelled as odds ratios. Question texts
 * wrap onto several lines instead of being cut.
 */
export function DriverChart({ data, title }: { data: DriverDatum[]; title: string }) {
  const rows = data.map((d) => {
    const v = Math.log2(d.or);
    return { ...d, plot: v, err: [v - Math.log2(d.lo), Math.log2(d.hi) - v] };
  });
  const extent = Math.max(1, ...rows.flatMap((r) => [Math.abs(Math.log2(r.lo)), Math.abs(Math.log2(r.hi))]).filter(Number.isFinite));
  const bound = Math.min(5, Math.ceil(extent));
  const ticks = TICKS.map(Math.log2).filter((t) => Math.abs(t) <= bound);
  const lineCounts = rows.map((r) => wrapLabel(r.label).length);
  const rowHeight = Math.max(36, Math.max(1, ...lineCounts) * LINE_HEIGHT + 12);
  const height = Math.max(140, rows.length * rowHeight + 50);
  const labelWidth = Math.max(72, Math.min(LINE, Math.max(...rows.map((r) => r.label.length))) * 7);
  return (
    <figure aria-label={title} className="w-full" data-testid="driver-chart">
      <ChartFocus label={title} summary={`${rows.map((r) => `${r.label}: odds ratio ${Number.isFinite(r.or) ? r.or.toFixed(2) : "n/a"}`).join("; ")}.`}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={INK.grid} />
          <XAxis
            type="number"
            domain={[-bound, bound]}
            ticks={ticks}
            allowDataOverflow
            tickFormatter={(v: number) => {
              const or = 2 ** v;
              return or >= 1 ? `${or}×` : `1/${1 / or}`;
            }}
            tick={{ fontSize: 12 }}
            label={{ value: "odds ratio (log scale)", position: "insideBottom", offset: -4, fontSize: 11, fill: INK.muted }}
          />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={<WrappedTick />} interval={0} />
          <Tooltip content={<TooltipBody />} cursor={{ fill: "rgba(148,163,184,0.12)" }} />
          <ReferenceLine x={0} stroke={INK.text} />
          <Bar dataKey="plot" isAnimationActive={false}>
            {rows.map((d) => (
              <Cell key={d.key} fill={SERIES_COLORS[0]} fillOpacity={d.significant ? 1 : 0.4} />
            ))}
            <ErrorBar dataKey="err" width={6} strokeWidth={1.5} stroke={INK.text} direction="x" isAnimationActive={false} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      </ChartFocus>
      <figcaption className="text-xs text-slate-500">
        Bars: odds ratio of each question&apos;s strongest level against its reference, with the 95% interval; faded bars are not significant at 5%.
      </figcaption>
    </figure>
  );
}
