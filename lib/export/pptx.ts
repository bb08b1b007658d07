/**
 * Dashboard → PPTX deck with pptxgenjs: one slide per view with its title, optional takeaway, chart
 * image, base note and source footer. Text is passed to pptxgenjs as plain strings (it XML-escapes
 * them); charts are images, never HTML.
 *
 * Chart images: a PNG buffer is embedded as is. An SVG is embedded as `image/svg+xml` (PowerPoint
 * 2016+/365 render it via `asvg:svgBlip`), but in Node pptxgenjs cannot draw the PNG preview that
 * older viewers (and Google Slides) fall back to and stores a "broken image" placeholder instead. So
 * when a rasteriser is given (e.g. {@link svgToPng}), SVG slides are converted to PNG first.
 */
import PptxGenJS from "pptxgenjs";
import { pngSize } from "./png";
import { svgSize } from "./svg";
import { INK, pptxColor } from "@/lib/format/palette";
import { stripControls } from "@/lib/format/bidi";
import { addDeckChart, type DeckChart } from "./pptx-chart";

export interface DeckSlide {
  title: string;
  /** a native, editable chart (preferred); `svg`/`png` are pictures for charts it cannot draw */
  chart?: DeckChart;
  /** the chart: an SVG document string (from chartToSvg) or a PNG buffer */
  svg?: string;
  png?: Uint8Array;
  /** e.g. "Base: all respondents (n = 1,571). Weighted." */
  baseNote: string;
  source: string;
  takeaway?: string;
  /** alt text for the chart image (defaults to the title) */
  altText?: string;
  /** a native table instead of (or under) a chart image */
  table?: DeckTable;
}

/** One table cell: plain text runs (pptxgenjs escapes them), with optional emphasis. */
export interface DeckTableCell {
  /** one string, or runs (e.g. a value, then its significance letters in blue) */
  text: string | { text: string; color?: string; bold?: boolean; fontSize?: number }[];
  bold?: boolean;
  italic?: boolean;
  /** hex without "#" */
  color?: string;
  fill?: string;
  align?: "left" | "center" | "right";
  colspan?: number;
}

export interface DeckTable {
  rows: DeckTableCell[][];
  /** column widths in inches (default: equal over 9") */
  colW?: number[];
  fontSize?: number;
}

export interface Deck {
  title: string;
  slides: DeckSlide[];
  author?: string;
}

export interface DeckOptions {
  /** turn SVG charts into PNG for viewers without SVG support; see {@link svgToPng} */
  rasterize?: (svg: string) => Promise<Uint8Array>;
}

const SLIDE_W = 10;
const IMG_BOX = { x: 0.5, y: 1.35, w: 9, h: 3.45 };
const CHART_BOX = { x: 0.5, y: 1.35, w: 9, h: 3.45 };

/**
 * Title size that fits one line of 9 in (Arial bold, ~0.6 em per character, also with wider
 * substitutes such as DejaVu), stepping down for long titles; the box wraps a second line beyond.
 * @example titleFontSize("Rollback rate by guardrail maturity (live agents)") // 20
 */
export function titleFontSize(title: string): number {
  return title.length <= 40 ? 24 : title.length <= 52 ? 20 : title.length <= 64 ? 17 : 15;
}

/**
 * Subtitle size that fits two lines of 9 in.
 * @example subtitleFontSize("74.1% overall") // 14
 */
export function subtitleFontSize(text: string): number {
  return text.length <= 120 ? 14 : text.length <= 170 ? 12 : 11;
}

function fit(size: { width: number; height: number } | null): { x: number; y: number; w: number; h: number } {
  if (!size || size.width <= 0 || size.height <= 0) return IMG_BOX;
  const scale = Math.min(IMG_BOX.w / size.width, IMG_BOX.h / size.height);
  const w = size.width * scale;
  const h = size.height * scale;
  return { x: (SLIDE_W - w) / 2, y: IMG_BOX.y, w, h };
}

async function chartImage(s: DeckSlide, o: DeckOptions): Promise<{ data: string; size: { width: number; height: number } | null } | null> {
  if (s.png) return { data: `data:image/png;base64,${Buffer.from(s.png).toString("base64")}`, size: pngSize(s.png) };
  if (s.svg === undefined) return null;
  if (o.rasterize) {
    const png = await o.rasterize(s.svg);
    return { data: `data:image/png;base64,${Buffer.from(png).toString("base64")}`, size: pngSize(png) };
  }
  return { data: `data:image/svg+xml;base64,${Buffer.from(s.svg, "utf8").toString("base64")}`, size: svgSize(s.svg) };
}

function addTable(slide: PptxGenJS.Slide, t: DeckTable, y: number): void {
  const rows: PptxGenJS.TableRow[] = t.rows.map((r) =>
    r.map((c) => ({
      text: typeof c.text === "string" ? c.text : c.text.map((run) => ({ text: run.text, options: { color: run.color, bold: run.bold, fontSize: run.fontSize } })),
      options: { bold: c.bold, italic: c.italic, color: c.color ?? pptxColor(INK.text), align: c.align ?? "left", colspan: c.colspan, ...(c.fill ? { fill: { color: c.fill } } : {}) },
    })),
  );
  slide.addTable(rows, { x: 0.5, y, w: 9, colW: t.colW, fontFace: "Arial", fontSize: t.fontSize ?? 9, valign: "middle", border: { type: "solid", pt: 0.5, color: pptxColor(INK.grid) }, margin: 0.04 });
}

/**
 * Build the deck.
 * @example
 * const pptx = await deckToPptx({ title: "Q3 pulse", slides: [{ title: "Satisfied by region",
 *   svg: chartToSvg(spec), baseNote: "Base: all respondents (n = 1,571)", source: "Surveyscope · pulse.csv" }] });
 * // Content-Type: application/vnd.openxmlformats-officedocument.presentationml.presentation
 */
export async function deckToPptx(deck: Deck, options: DeckOptions = {}): Promise<Buffer> {
  const pres = new PptxGenJS();
  pres.layout = "LAYOUT_16x9";
  pres.title = deck.title;
  pres.author = deck.author ?? "Surveyscope";
  pres.company = "Surveyscope";

  for (const s of deck.slides) {
    const slide = pres.addSlide();
    const title = stripControls(s.title);
    slide.addText(title, { x: 0.5, y: 0.15, w: 9, h: 0.62, fontSize: titleFontSize(title), bold: true, color: pptxColor(INK.text), fontFace: "Arial", valign: "middle", margin: 0 });
    if (s.takeaway) {
      const sub = stripControls(s.takeaway);
      slide.addText(sub, { x: 0.5, y: 0.8, w: 9, h: 0.5, fontSize: subtitleFontSize(sub), color: pptxColor(INK.body), fontFace: "Arial", valign: "top", margin: 0 });
    }
    if (s.chart) addDeckChart(pres, slide, s.chart, CHART_BOX, s.altText ?? title);
    const img = s.chart ? null : await chartImage(s, options);
    if (img) slide.addImage({ data: img.data, ...fit(img.size), altText: s.altText ?? s.title });
    if (s.table) addTable(slide, s.table, s.takeaway ? 1.35 : 0.95);
    slide.addText(stripControls(s.baseNote), { x: 0.5, y: 4.85, w: 9, h: 0.36, fontSize: 10, color: pptxColor(INK.note), fontFace: "Arial", valign: "top", margin: 0 });
    slide.addText(`Source: ${stripControls(s.source)}`, { x: 0.5, y: 5.22, w: 9, h: 0.25, fontSize: 10, color: pptxColor(INK.muted), fontFace: "Arial", valign: "top", margin: 0 });
  }

  const out = await pres.write({ outputType: "nodebuffer", compression: true });
  if (Buffer.isBuffer(out)) return out;
  if (out instanceof Uint8Array) return Buffer.from(out);
  if (out instanceof ArrayBuffer) return Buffer.from(out);
  throw new Error("pptxgenjs returned an unexpected output type");
}
