import type { ReactNode } from "react";
import type { ChartTable } from "@/lib/analysis/banner-chart-data";
import { isolate } from "@/lib/format/bidi";
import { ChartFocus } from "./chart-focus";

/** The chart's numbers in one sentence for screen readers (first 12 rows; the data table has all). */
function tableSummary(table: ChartTable): string {
  const rows = table.rows.slice(0, 12).map((r) => `${r.label}: ${r.cells.map((c, i) => `${table.columns[i] ?? ""} ${c.text}`.trim()).join(", ")}`);
  return `${rows.join("; ")}${table.rows.length > 12 ? `; and ${table.rows.length - 12} more rows in the data table` : ""}.`;
}

export interface LegendItem {
  id: string;
  label: string;
  color: string;
  /** "line" for a reference line, "dot" for points */
  shape?: "box" | "line" | "dot";
}

/** An HTML legend that wraps on narrow screens (kept outside the SVG so exports stay plain SVG). */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  if (!items.length) return null;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
      {items.map((it) => (
        <li key={it.id} className="flex items-center gap-1.5">
          {it.shape === "line" ? (
            <span aria-hidden className="inline-block w-4 border-t-2 border-dashed" style={{ borderColor: it.color }} />
          ) : (
            <span aria-hidden className={it.shape === "dot" ? "inline-block size-2.5 rounded-full" : "inline-block size-3 rounded-sm"} style={{ background: it.color }} />
          )}
          <bdi>{it.label}</bdi>
        </li>
      ))}
    </ul>
  );
}

/** The chart's numbers as a table: the same texts the tooltips show. */
export function ChartDataTable({ table, caption, corner = "" }: { table: ChartTable; caption: string; corner?: string }) {
  return (
    // focusable so keyboard users can scroll a wide table on a narrow screen
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${isolate(caption)}: data table`}>
      <table className="w-full text-left text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-500">
            <th scope="col" className="px-2 py-1 font-medium">
              {corner}
            </th>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-2 py-1 text-right font-medium">
                <bdi>{c}</bdi>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.key} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="min-w-24 px-2 py-1 font-medium text-slate-800">
                <bdi>{r.label}</bdi>
              </th>
              {r.cells.map((c, i) => (
                <td key={i} className="tabular whitespace-nowrap px-2 py-1 text-right align-top text-slate-900">
                  {c.text}
                  {c.ci ? <span className="block text-[11px] text-slate-500">CI {c.ci}</span> : null}
                  {c.base ? <span className="block text-[11px] text-slate-500">{c.base}</span> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface FrameProps {
  title: string;
  /** short description for screen readers of what the chart encodes */
  description?: string;
  legend?: LegendItem[];
  /** source / base note shown under the chart */
  note?: ReactNode;
  table: ChartTable;
  tableCorner?: string;
  testId?: string;
  children: ReactNode;
}

/** Figure around one chart: legend, the source/base note slot, and a data-table fallback. */
export function ChartFrame({ title, description, legend = [], note, table, tableCorner, testId, children }: FrameProps) {
  return (
    <figure aria-label={isolate(title)} className="flex w-full min-w-0 flex-col gap-3" data-testid={testId}>
      <p className="text-sm font-medium text-slate-800">
        <bdi>{title}</bdi>
      </p>
      {description ? <p className="sr-only">{description}</p> : null}
      <ChartLegend items={legend} />
      <ChartFocus label={isolate(title)} summary={tableSummary(table)}>
        {children}
      </ChartFocus>
      {note ? <figcaption className="text-xs text-slate-500">{note}</figcaption> : null}
      <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
        <summary className="cursor-pointer font-medium text-slate-700">Data table</summary>
        <div className="mt-2">
          <ChartDataTable table={table} caption={title} corner={tableCorner} />
        </div>
      </details>
    </figure>
  );
}
