import { useSyncExternalStore } from "react";
import type { BannerDatum } from "@/lib/analysis/banner-chart-data";
import { isolate } from "@/lib/format/bidi";
import { INK } from "@/lib/format/palette";

export interface TooltipLine {
  id: string;
  label: string;
  color: string;
  datum: BannerDatum;
  /** what is drawn when it differs from the share (e.g. respondents in count mode) */
  drawnText?: string;
}

/** Tooltip body (HTML, so labels are isolated with <bdi>): value, CI and base per line. */
export function TooltipCard({ title, lines, footer }: { title: string; lines: TooltipLine[]; footer?: string }) {
  return (
    <div className="max-w-72 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-slate-900">
        <bdi>{title}</bdi>
      </p>
      <ul className="mt-1 flex flex-col gap-1">
        {lines.map((l) => (
          <li key={l.id} className="flex gap-1.5">
            <span aria-hidden className="mt-0.5 inline-block size-2.5 shrink-0 rounded-sm" style={{ background: l.color }} />
            <span>
              <bdi className="text-slate-700">{l.label}</bdi>:{" "}
              <span className="tabular font-medium text-slate-900">{l.drawnText ?? l.datum.valueText}</span>
              {l.drawnText ? <span className="tabular text-slate-700"> ({l.datum.valueText})</span> : null}{" "}
              <span className="tabular text-slate-500">(CI {l.datum.ciText})</span>
              <span className="tabular block text-slate-500">
                {l.datum.countText ? `${l.datum.countText} · ` : ""}
                {l.datum.baseText}
              </span>
              {l.datum.lowBase ? <span className="block text-amber-700">Low base: read with caution</span> : null}
            </span>
          </li>
        ))}
      </ul>
      {footer ? <p className="mt-1 text-slate-500">{footer}</p> : null}
    </div>
  );
}

/**
 * Break a label into at most `lines` lines of about `width` characters (last one clipped with "…").
 * @example wrapLabel("Strongly disagree with it", 10) // ["Strongly", "disagree…"]
 */
export function wrapLabel(label: string, width: number, lines = 2): string[] {
  const words = label.replace(/\s+/g, " ").trim().split(" ");
  const out: string[] = [];
  let cur = "";
  for (const w of words) {
    if (cur && Array.from(`${cur} ${w}`).length > width) {
      out.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) out.push(cur);
  const clip = (s: string) => (Array.from(s).length > width ? `${Array.from(s).slice(0, width - 1).join("")}…` : s);
  if (out.length <= lines) return out.map(clip);
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${Array.from(kept[lines - 1]).slice(0, width - 1).join("")}…`;
  return kept.map(clip);
}

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  /** category key → label (keys are generated ids, labels are user text) */
  labels: Record<string, string>;
  /** characters per line */
  chars: number;
  /** keys drawn bold (the Total) */
  strong?: string[];
}

/** A category axis tick in SVG: user text isolated (no <bdi> in SVG), wrapped on two lines, full text in <title>. */
export function WrappedTick({ x = 0, y = 0, payload, labels, chars, strong = [] }: TickProps) {
  const key = String(payload?.value ?? "");
  const label = labels[key] ?? key;
  const lines = wrapLabel(label, Math.max(6, chars));
  const lineH = 13;
  const y0 = Number(y) - ((lines.length - 1) * lineH) / 2;
  return (
    <text x={Number(x) - 6} y={y0} textAnchor="end" dominantBaseline="central" fontSize={12} fill={INK.body} fontWeight={strong.includes(key) ? 600 : 400}>
      <title>{isolate(label)}</title>
      {lines.map((l, i) => (
        <tspan key={i} x={Number(x) - 6} dy={i === 0 ? 0 : lineH}>
          {isolate(l)}
        </tspan>
      ))}
    </text>
  );
}

/** Width for a category axis: enough for ~`chars` characters, narrower on small screens. */
export function categoryAxisWidth(labels: string[], compact: boolean): { width: number; chars: number } {
  const longest = Math.max(4, ...labels.map((l) => Array.from(l).length));
  const chars = Math.min(compact ? 12 : 22, longest);
  // ~7.2 px per character at 12 px (wide capitals such as "United Kingdom" included) plus the tick gap
  return { width: Math.round(chars * 7.2) + 16, chars };
}

/** Tick text for a value axis on the display scale. */
export function valueTick(unit: string): (v: number) => string {
  return (v: number) => `${Math.round(v * 100) / 100}${unit}`;
}

const NARROW = "(max-width: 640px)";
function subscribe(cb: () => void): () => void {
  const mq = window.matchMedia(NARROW);
  mq.addEventListener("change", cb);
  return () => mq.removeEventListener("change", cb);
}

/** True on phone-sized screens (≤ 640 px), false on the server. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches, () => false);
}

/**
 * Layout of a horizontal chart with one bar per row (stacked and diverging bars): the category
 * axis sized to the labels, the bar thickness and chart height for the screen, the Total rows
 * to set in bold.
 *
 * @example const { narrow, labels, axis, barSize, height, total } = useRowBars(data.rows);
 */
export function useRowBars(rows: { key: string; label: string; isTotal: boolean }[]) {
  const narrow = useNarrow();
  const labels = Object.fromEntries(rows.map((r) => [r.key, r.label]));
  const axis = categoryAxisWidth(Object.values(labels), narrow);
  const barSize = narrow ? 20 : 24;
  const height = Math.max(160, rows.length * (barSize + 14) + 48);
  const total = rows.filter((r) => r.isTotal).map((r) => r.key);
  return { narrow, labels, axis, barSize, height, total };
}
