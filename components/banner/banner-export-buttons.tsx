"use client";

import { useId, useState } from "react";
import { Download } from "lucide-react";
import type { ChartKind } from "@/lib/analysis/banner-chart-data-kinds";
import type { BannerExportChart } from "@/lib/export/banner-chart";
import { isolate } from "@/lib/format/bidi";
import type { BannerResult, BannerSpecInput } from "@/lib/schema/banner";
import { Button } from "@/components/ui/button";
import { postAndDownload } from "@/components/ui/download";
import { Select } from "@/components/ui/field";
import { InlineError } from "@/components/states/states";

const TABLE_FORMATS = [
  { format: "csv", label: "CSV" },
  { format: "xlsx", label: "Excel" },
] as const;
const CHART_FORMATS = [
  { format: "svg", label: "SVG" },
  { format: "png", label: "PNG" },
  { format: "pptx", label: "PowerPoint" },
] as const;

/** The on-screen chart kind → the chart the server draws (grouped, dot and trend → one answer's bars). */
export function exportChartOf(kind: ChartKind | undefined): BannerExportChart {
  return kind === "stacked" || kind === "stacked100" || kind === "diverging" ? kind : "bars";
}

const CHART_TEXT: Record<BannerExportChart, string> = {
  bars: "one answer in the Total and every column, with intervals",
  stacked: "every answer stacked (respondents) per column",
  stacked100: "every answer stacked to 100% per column",
  diverging: "diverging bars, disagree left and agree right",
};

interface Props {
  datasetId: string;
  spec: BannerSpecInput;
  /** when given, the chart downloads (SVG, PNG, PowerPoint) are offered for it */
  result?: BannerResult;
  /** the chart shown on screen (from BannerChart's onViewChange) */
  view?: { kind: ChartKind; rowId: string };
}

/**
 * Download the banner table (CSV, XLSX) and its chart (SVG, PNG, a two-slide PPTX with the chart
 * and the table), all built server-side by lib/export with small cells hidden.
 */
export function BannerExportButtons({ datasetId, spec, result, view }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rowPicked, setRowPicked] = useState<string | null>(null);
  const rowSelect = useId();
  const chart = exportChartOf(view?.kind);
  const rows = result?.rows ?? [];
  const row = rows.some((r) => r.id === rowPicked) ? (rowPicked as string) : rows.some((r) => r.id === view?.rowId) ? (view?.rowId as string) : (rows[0]?.id ?? "");

  const download = async (format: string) => {
    setBusy(format);
    setError(null);
    const query = new URLSearchParams({ format });
    if (format === "svg" || format === "png" || format === "pptx") {
      query.set("chart", chart);
      if (chart === "bars" && row) query.set("row", row);
    }
    try {
      await postAndDownload(`/api/datasets/${encodeURIComponent(datasetId)}/banner/export?${query}`, spec, `banner.${format}`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const button = (f: { format: string; label: string }) => (
    <Button key={f.format} variant="secondary" onClick={() => download(f.format)} disabled={busy !== null} data-testid={`banner-export-${f.format}`}>
      <Download className="size-4" aria-hidden /> {busy === f.format ? "Preparing…" : f.label}
    </Button>
  );
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Export banner table">
        <span className="w-full text-xs font-medium uppercase tracking-wide text-slate-500 sm:w-auto">Table</span>
        {TABLE_FORMATS.map(button)}
      </div>
      {result && rows.length ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Export banner chart" data-testid="banner-chart-export">
          <span className="w-full text-xs font-medium uppercase tracking-wide text-slate-500 sm:w-auto">Chart</span>
          {CHART_FORMATS.map(button)}
          <p className="w-full text-xs text-slate-600" data-testid="banner-chart-export-what">
            Chart downloads show {CHART_TEXT[chart]}; PowerPoint adds a slide with the table.
          </p>
          {chart === "bars" && rows.length > 1 ? (
            <div className="flex w-full flex-wrap items-center gap-2">
              <label htmlFor={rowSelect} className="text-xs font-medium text-slate-600">
                Answer to chart
              </label>
              <div className="w-full max-w-64 sm:w-64">
                <Select id={rowSelect} value={row} onChange={(e) => setRowPicked(e.target.value)}>
                  {rows.map((r) => (
                    <option key={r.id} value={r.id}>
                      {isolate(r.label)}
                    </option>
                  ))}
                </Select>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
      <InlineError as="span" error={error} />
    </div>
  );
}
