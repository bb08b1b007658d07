"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { BannerChart } from "@/components/charts/banner-chart";
import { CiBarChart } from "@/components/charts/ci-bar-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cx } from "@/lib/cx";
import type { BannerTable } from "@/lib/views/banner-tile";
import type { TileData } from "@/lib/views/tile-model";

/** A banner view's answers by column, compact and scrollable on small screens. */
function BannerFigures({ table }: { table: BannerTable }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs" data-testid="tile-banner">
        <thead className="text-left text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">
              Answer
            </th>
            {table.columns.map((c) => (
              <th key={c.id} scope="col" className="px-1 py-1 text-right font-medium" title={c.group ?? undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular">
          {table.rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {r.label}
              </th>
              {r.cells.map((v, i) => (
                <td key={table.columns[i].id} className="px-1 py-1 text-right">
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One pinned view: title, chart (small cells already hidden server-side), base note, source. */
export function DashboardTileCard({ tile, controls }: { tile: TileData; controls?: ReactNode }) {
  const span = tile.size === "full" ? "lg:col-span-2" : undefined;
  if (tile.status === "text") {
    return (
      <Card className={cx("flex flex-col", span)} data-testid="dashboard-tile" data-status="text" data-size={tile.size}>
        <CardContent className="flex flex-1 flex-col gap-3 pt-5">
          {/* plain text: React escapes it; line breaks kept, never markup */}
          <p className="whitespace-pre-wrap text-base leading-relaxed text-slate-800" data-testid="tile-text">
            {tile.text}
          </p>
          {controls}
        </CardContent>
      </Card>
    );
  }
  if (tile.status !== "ready") {
    return (
      <Card className={cx("flex flex-col", span)} data-testid="dashboard-tile" data-status="unavailable" data-size={tile.size}>
        <CardHeader>
          <CardTitle>{tile.name}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-1 flex-col gap-3">
          <div role="note" className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
            <p className="font-medium text-slate-800">{tile.reason === "dataset" ? "Dataset no longer available" : tile.reason === "view" ? "Saved view deleted" : "Not available"}</p>
            <p className="mt-1">{tile.message}</p>
          </div>
          {tile.analyzeHref ? (
            <a href={tile.analyzeHref} className="text-sm font-medium text-[var(--color-accent)] hover:underline">
              Open in analysis →
            </a>
          ) : null}
          {controls}
        </CardContent>
      </Card>
    );
  }
  return (
    <Card className={cx("flex min-w-0 flex-col", span)} data-testid="dashboard-tile" data-status="ready" data-size={tile.size}>
      <CardHeader>
        <CardTitle>{tile.name}</CardTitle>
        <CardDescription>{tile.title}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-3">
        {tile.bannerResult ? (
          <BannerChart result={tile.bannerResult} initialKind={tile.chartKind ?? undefined} fixed />
        ) : (
        <CiBarChart
          data={tile.chart}
          title={tile.title}
          max={tile.statistic === "proportion" ? 100 : undefined}
          unit={tile.statistic === "proportion" ? "%" : ""}
          references={tile.references.map((r) => ({ value: r.value, label: r.label }))}
        />
        )}
        {tile.banner ? <BannerFigures table={tile.banner} /> : (
        <table className="w-full max-w-3xl text-xs" data-testid="tile-figures">
          <caption className="sr-only">{tile.title}</caption>
          <thead className="text-left text-slate-500">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Group
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {tile.nps ? "NPS" : tile.statistic === "proportion" ? "Share" : "Mean"}
              </th>
              <th scope="col" className="hidden py-1 text-right font-medium sm:table-cell">
                Interval
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                n
              </th>
            </tr>
          </thead>
          <tbody className="tabular">
            {tile.chart.map((d) => (
              <tr key={d.key} className={cx("border-t border-slate-100", d.isTotal && "font-medium", d.lowBase && "bg-amber-50/60")}>
                <th scope="row" className="py-1 text-left font-normal">
                  {d.label}
                </th>
                <td className="py-1 text-right">{d.valueText}</td>
                <td className="hidden py-1 text-right text-slate-500 sm:table-cell">{d.ciText}</td>
                <td className="py-1 text-right text-slate-500">{d.n.toLocaleString("en-US")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
        <p className="text-xs text-slate-500" data-testid="tile-base">
          {tile.baseNote}
        </p>
        <p className="text-xs text-slate-500">Source: {tile.source}</p>
        {tile.analyzeHref ? (
          <Link href={tile.analyzeHref} className="text-sm font-medium text-[var(--color-accent)] hover:underline">
            Open in analysis →
          </Link>
        ) : null}
        {controls}
      </CardContent>
    </Card>
  );
}
