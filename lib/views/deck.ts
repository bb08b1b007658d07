import { deckToPptx, type Deck, type DeckChart, type DeckSlide, type DeckTable } from "@/lib/export";
import { deckToPdf } from "@/lib/export/pdf";
import { bannerExportCharts, defaultBannerChart, type BannerExportChart } from "@/lib/export/banner-chart";
import { bannerDeckChart } from "@/lib/export/banner-pptx-chart";
import type { ChartKind } from "@/lib/analysis/banner-chart-data-kinds";
import type { BannerResult } from "@/lib/schema/banner";

import { INK, pptxColor } from "@/lib/format/palette";
import type { Dashboard } from "@/lib/schema/views";
import type { BannerTable } from "./banner-tile";
import type { TileData } from "./tile-model";

type ReadyTile = Extract<TileData, { status: "ready" }>;

/**
 * The deck chart for a banner tile: the saved on-screen kind where the deck can draw it natively,
 * else the export default for the result (grouped, dot and trend charts become answer bars).
 * @example exportChartOf("stacked100", result) // "stacked100"
 */
export function exportChartOf(kind: ChartKind | null, result: BannerResult): BannerExportChart {
  const possible = bannerExportCharts(result);
  if (kind === "stacked" || kind === "stacked100" || kind === "diverging") return possible.includes(kind) ? kind : defaultBannerChart(result);
  return kind ? "bars" : defaultBannerChart(result);
}

/**
 * The tile's chart as a native PowerPoint chart: the same bars in the same order as on screen,
 * hidden groups left out, the published figures as reference lines.
 * @example tileChart(tile).categories // ["Total", "Basic", "Fully mature"]
 */
export function tileChart(t: ReadyTile): DeckChart {
  const pct = t.statistic === "proportion";
  return {
    kind: "bar",
    categories: t.chart.map((d) => (d.value === null ? `${d.label} (n/a)` : d.label)),
    series: [{ name: t.title, values: t.chart.map((d) => d.value) }],
    unit: pct ? "%" : "",
    ...(pct ? { max: 100 } : {}),
    references: pct ? t.references.map((r) => ({ value: r.value, label: r.label })) : [],
    totals: t.chart.filter((d) => d.isTotal).map((d) => d.label),
  };
}

/**
 * One sentence an executive can read out: the overall figure and the spread across groups.
 * @example tileTakeaway(tile) // "74.1% overall; from 62.1% (Basic) to 80.7% (Fully mature)"
 */
export function tileTakeaway(t: ReadyTile): string {
  const total = t.chart.find((d) => d.isTotal && d.value !== null);
  const groups = t.chart.filter((d) => !d.isTotal && d.value !== null);
  const parts: string[] = [];
  if (total) parts.push(`${total.valueText} overall`);
  if (groups.length >= 2) {
    const sorted = [...groups].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
    const lo = sorted[0];
    const hi = sorted[sorted.length - 1];
    parts.push(`from ${lo.valueText} (${lo.label}) to ${hi.valueText} (${hi.label})`);
  }
  const refs = t.references.map((r) => r.label).join(", ");
  return `${t.title}${parts.length ? `: ${parts.join("; ")}` : ""}${refs ? `. Published: ${refs}` : ""}`;
}

/** A banner tile's every answer by every column, as a native table slide. */
function bannerTable(b: BannerTable): DeckTable {
  const head = pptxColor(INK.headFill);
  return {
    rows: [
      [{ text: "Answer", bold: true, fill: head }, ...b.columns.map((c) => ({ text: c.group ? `${c.group}: ${c.label}` : c.label, bold: true, fill: head, align: "center" as const }))],
      ...b.rows.map((r) => [{ text: r.label, bold: true }, ...r.cells.map((v) => ({ text: v, align: "right" as const }))]),
    ],
    fontSize: b.columns.length > 8 || b.rows.length > 10 ? 9 : 11,
  };
}

/** The slides of one tile, in the dashboard's order; an unavailable tile is a slide saying why. */
export function tileSlides(t: TileData): DeckSlide[] {
  if (t.status === "text") return [{ title: t.text.split("\n")[0].slice(0, 120), takeaway: t.text.includes("\n") ? t.text.slice(t.text.indexOf("\n") + 1).trim() : undefined, baseNote: "", source: "Commentary" }];
  if (t.status !== "ready") return [{ title: t.name, baseNote: t.message, source: "Surveyscope", takeaway: "Not available" }];
  const weighted = /\bweighted\b/.test(t.baseNote) && !/\bunweighted\b/.test(t.baseNote);
  const altText = `${t.title}: ${t.chart.map((d) => `${d.label} ${d.valueText}`).join(", ")}${weighted ? " (weighted)" : ""}`;
  const chartSlide: DeckSlide = { title: t.name, takeaway: tileTakeaway(t), chart: tileChart(t), baseNote: t.baseNote, source: t.source, altText };
  if (!t.banner) return [chartSlide];
  if (t.bannerResult) {
    const chart = exportChartOf(t.chartKind, t.bannerResult);
    chartSlide.chart = bannerDeckChart(t.bannerResult, { chart });
    chartSlide.takeaway = t.title;
  }
  return [chartSlide, { title: `${t.name}: every answer`, takeaway: t.title, table: bannerTable(t.banner), baseNote: t.baseNote, source: t.source }];
}

/**
 * The dashboard's slides: a cover, then per tile its title once, a one-line takeaway, a native
 * chart with the published figures as reference lines, the base note and the source (tiles are
 * already released through disclosure control; nothing else is read here).
 * @example dashboardSlides({ name: "Exec" }, tiles).slides[0].title // "Exec"
 */
export function dashboardSlides(dashboard: Pick<Dashboard, "name"> & { description?: string | null }, tiles: readonly TileData[]): Deck {
  const sources = [...new Set(tiles.flatMap((t) => (t.status === "ready" ? [t.source] : [])))];
  const cover: DeckSlide = {
    title: dashboard.name,
    takeaway: dashboard.description ?? undefined,
    baseNote: `${tiles.length} chart${tiles.length === 1 ? "" : "s"}`,
    source: sources.join("; ") || "Surveyscope",
  };
  return { title: dashboard.name, slides: [cover, ...tiles.flatMap(tileSlides)] };
}

/**
 * The dashboard as a PPTX deck an executive can present unchanged (editable native charts).
 * @example
 * const pptx = await dashboardDeck(dashboard, await computeTiles(viewer, dashboard));
 */
export async function dashboardDeck(dashboard: Pick<Dashboard, "name"> & { description?: string | null }, tiles: readonly TileData[]): Promise<Buffer> {
  return deckToPptx(dashboardSlides(dashboard, tiles));
}

/**
 * The same slides as a PDF (vector charts, embedded fonts) for reading and printing.
 * @example const pdf = await dashboardPdf(dashboard, tiles);
 */
export async function dashboardPdf(dashboard: Pick<Dashboard, "name"> & { description?: string | null }, tiles: readonly TileData[]): Promise<Buffer> {
  return deckToPdf(dashboardSlides(dashboard, tiles));
}
