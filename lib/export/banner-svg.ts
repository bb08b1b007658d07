/**
 * Stacked (100% or respondents) and diverging bar charts → SVG for the banner exports, assembled
 * with the building blocks of ./svg: the same element/attribute allow-list, XML escaping and bidi
 * isolation of every user label (C26, C28). No script, no foreignObject, no links.
 */
import { isolate } from "@/lib/format/bidi";
import { svgParts, type SvgNode } from "./svg";
import { INK } from "@/lib/format/palette";

const { el, svgDocument, wrap, clip, titleBlock, groupHeading, finite, COLORS } = svgParts;

/** One answer of a stacked / diverging chart: its legend label and fill. */
export interface SvgStackSeries {
  label: string;
  /** hex fill from lib/format/palette.ts */
  color: string;
  /** text colour on the fill (default white) */
  ink?: string;
}

/** One drawn piece of a bar, from `from` to `to` on the axis (display scale). */
export interface SvgStackPiece {
  series: number;
  from: number;
  to: number;
  valueText: string;
  /** draw no value text on the piece (e.g. the halves of a split neutral answer); the tooltip keeps it */
  quiet?: boolean;
}

export interface SvgStackRow {
  label: string;
  /** column group heading drawn above the first bar of each group (null: the Total) */
  group?: string | null;
  isTotal?: boolean;
  lowBase?: boolean;
  pieces: SvgStackPiece[];
  /** text in the value column at the right, e.g. "23.0% | 50.0%" */
  after?: string;
}

export interface StackedSvgSpec {
  title?: string;
  series: SvgStackSeries[];
  rows: SvgStackRow[];
  min: number;
  max: number;
  /** axis ticks with their texts (a diverging axis shows |t|) */
  ticks: { value: number; text: string }[];
  /** heading of the value column, e.g. "Disagree | Agree" */
  afterHeading?: string;
  /** footnote lines (what protection left out, base) */
  notes?: string[];
  width?: number;
}

/**
 * Build a stacked (100% or respondents) or diverging bar chart as an SVG document string, with the
 * same element/attribute allow-list, escaping and bidi isolation as {@link chartToSvg}. Pieces wide
 * enough carry their value text; every piece has a `<title>` with the answer and value.
 * @example
 * stackedChartToSvg({ title: "Trust by region", min: 0, max: 100, ticks: [{ value: 0, text: "0%" }, { value: 100, text: "100%" }],
 *   series: [{ label: "No", color: DIVERGING_HEX.neg }, { label: "Yes", color: DIVERGING_HEX.pos }],
 *   rows: [{ label: "Total", pieces: [{ series: 0, from: 0, to: 30, valueText: "30.0%" }, { series: 1, from: 30, to: 100, valueText: "70.0%" }] }] })
 */
export function stackedChartToSvg(spec: StackedSvgSpec): string {
  const W = spec.width ?? 720;
  const pad = 16;
  const labelW = 180;
  const afterW = spec.rows.some((r) => r.after) ? 110 : 0;
  const rowH = 28;
  const x0 = pad + labelW;
  const x1 = W - pad - afterW - (afterW ? 8 : 0);
  const span = spec.max - spec.min || 1;
  const sx = (v: number) => x0 + ((Math.min(Math.max(v, spec.min), spec.max) - spec.min) / span) * (x1 - x0);

  // legend: swatch + label, wrapped over lines
  const legend: SvgNode[] = [];
  let lx = pad;
  const heading = titleBlock(spec.title, W, pad);
  let ly = spec.title ? heading.height + 2 : 16;
  spec.series.forEach((s) => {
    const text = isolate(clip(s.label, 28));
    const w = 18 + Math.min(28, Array.from(s.label).length) * 6.2 + 14;
    if (lx + w > W - pad && lx > pad) {
      lx = pad;
      ly += 18;
    }
    legend.push(el("rect", { x: lx, y: ly - 9, width: 12, height: 12, fill: s.color }));
    legend.push(el("text", { x: lx + 16, y: ly, "dominant-baseline": "middle", "font-size": 11, fill: COLORS.text }, [text]));
    lx += w;
  });
  const top = ly + 22;

  const body: SvgNode[] = [];
  let y = top;
  let lastGroup: string | null | undefined;
  for (const r of spec.rows) {
    if (r.group && r.group !== lastGroup) {
      body.push(groupHeading(r.group, pad, y, W));
      y += 20;
    }
    lastGroup = r.group;
    const cy = y + rowH / 2;
    const parts: SvgNode[] = [
      el("text", { x: x0 - 8, y: cy, "text-anchor": "end", "dominant-baseline": "middle", "font-size": 12, fill: COLORS.text, ...(r.isTotal ? { "font-weight": "bold" } : {}) }, [isolate(clip(r.label, 28))]),
    ];
    for (const p of r.pieces) {
      const s = spec.series[p.series];
      if (!s || !finite(p.from) || !finite(p.to)) continue;
      const a = sx(Math.min(p.from, p.to));
      const b = sx(Math.max(p.from, p.to));
      parts.push(
        el("g", {}, [
          el("title", {}, [`${isolate(r.label)} · ${isolate(s.label)}: ${p.valueText}`]),
          el("rect", { x: a, y: cy - 9, width: Math.max(0, b - a), height: 18, fill: s.color, "fill-opacity": r.lowBase ? 0.6 : 1, stroke: INK.background, "stroke-width": 0.5 }),
          ...(b - a >= 34 && !p.quiet && p.valueText ? [el("text", { x: (a + b) / 2, y: cy, "text-anchor": "middle", "dominant-baseline": "middle", "font-size": 10, fill: s.ink ?? INK.background }, [p.valueText])] : []),
        ]),
      );
    }
    if (r.after) parts.push(el("text", { x: W - pad, y: cy, "text-anchor": "end", "dominant-baseline": "middle", "font-size": 11, fill: COLORS.text }, [r.after]));
    body.push(el("g", {}, parts));
    y += rowH;
  }
  const plotBottom = y;

  const axis: SvgNode[] = [];
  for (const t of spec.ticks) {
    const x = sx(t.value);
    axis.push(el("line", { x1: x, y1: top - 2, x2: x, y2: plotBottom, stroke: t.value === 0 ? COLORS.muted : COLORS.grid, "stroke-width": 1 }));
    axis.push(el("text", { x, y: plotBottom + 16, "text-anchor": "middle", "font-size": 11, fill: COLORS.muted }, [t.text]));
  }
  if (spec.afterHeading && afterW) axis.push(el("text", { x: W - pad, y: top - 6, "text-anchor": "end", "font-size": 10, fill: COLORS.muted }, [spec.afterHeading]));

  const notes = (spec.notes ?? []).flatMap((n) => wrap(n, Math.floor((W - 2 * pad) / 5.6)));
  const H = plotBottom + 30 + notes.length * 14 + 8;
  const noteNodes = notes.map((n, i) => el("text", { x: pad, y: plotBottom + 36 + i * 14, "font-size": 10, fill: COLORS.muted }, [isolate(n)]));

  return svgDocument(W, H, spec.title, [...heading.nodes, el("g", {}, legend), el("g", {}, axis), ...body, ...noteNodes]);
}
