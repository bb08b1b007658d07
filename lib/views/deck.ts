import { chartToSvg, deckToPptx, PngUnavailableError, svgToPng, type DeckSlide } from "@/lib/export";
import type { Dashboard } from "@/lib/schema/views";
import type { TileData } from "./tile-model";

async function toPng(svg: string): Promise<Uint8Array | null> {
  try {
    return await svgToPng(svg);
  } catch (err) {
    if (err instanceof PngUnavailableError) return null; // keep the SVG (PowerPoint 2016+ renders it)
    throw err;
  }
}

/** One slide per tile, in the dashboard's order; an unavailable tile is a slide saying why. */
export async function tileSlide(t: TileData): Promise<DeckSlide> {
  if (t.status !== "ready") return { title: t.name, baseNote: t.message, source: "Surveyscope", takeaway: "Not available" };
  const svg = chartToSvg({ title: t.title, data: t.chart, ...(t.statistic === "proportion" ? { unit: "%", max: 100 } : {}) });
  const png = await toPng(svg);
  return { title: t.name, takeaway: t.title, ...(png ? { png } : { svg }), baseNote: t.baseNote, source: t.source, altText: `${t.title}: ${t.chart.map((d) => `${d.label} ${d.valueText}`).join(", ")}` };
}

/**
 * The dashboard as a PPTX deck: one slide per tile with its title, chart image, base note and
 * source (the tiles are already small-cell protected; nothing else is read here).
 *
 * @example
 * const pptx = await dashboardDeck(dashboard, await computeTiles(viewer, dashboard));
 */
export async function dashboardDeck(dashboard: Pick<Dashboard, "name">, tiles: readonly TileData[]): Promise<Buffer> {
  const slides: DeckSlide[] = [];
  for (const t of tiles) slides.push(await tileSlide(t));
  return deckToPptx({ title: dashboard.name, slides });
}
