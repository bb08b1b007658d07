/**
 * Deck → PDF (pdfkit): the same slides as the PowerPoint deck (./pptx `Deck`), one 16:9 page each,
 * with the title once, the takeaway, the chart drawn as vectors (./pdf-chart), native tables, the
 * base note and the source. Text is embedded DejaVu Sans (assets/fonts, Bitstream Vera licence), so
 * labels in most scripts print and stay selectable; controls are stripped, no marks added; fontkit lays out right-to-left runs.
 */
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { INK } from "@/lib/format/palette";
import { stripControls } from "@/lib/format/bidi";
import { drawPdfChart, PDF_FONT, PT } from "./pdf-chart";
import { subtitleFontSize, titleFontSize, type Deck, type DeckTable } from "./pptx";

const PAGE = { w: 10 * PT, h: 5.625 * PT };
const CHART_BOX = { x: 0.5, y: 1.35, w: 9, h: 3.45 };
const FONT_DIR = path.join(process.cwd(), "assets", "fonts");

const hex = (c: string) => (c.startsWith("#") ? c : `#${c}`);
const cellText = (t: DeckTable["rows"][number][number]["text"]) => stripControls(typeof t === "string" ? t : t.map((r) => r.text).join(""));

function drawTable(doc: PDFKit.PDFDocument, t: DeckTable, top: number): void {
  const widths = t.colW ?? t.rows[0].map(() => 9 / Math.max(1, t.rows[0].length));
  const size = Math.max(7, (t.fontSize ?? 9) - 1);
  const rowH = size * 1.9;
  const maxRows = Math.floor((4.8 * PT - top) / rowH);
  let y = top;
  for (const row of t.rows.slice(0, maxRows)) {
    let x = 0.5 * PT;
    let col = 0;
    for (const cell of row) {
      const span = cell.colspan ?? 1;
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0) * PT;
      if (cell.fill) doc.rect(x, y, w, rowH).fillColor(hex(cell.fill)).fill();
      doc.rect(x, y, w, rowH).lineWidth(0.4).strokeColor(INK.grid).stroke();
      doc
        .font(cell.bold ? PDF_FONT.bold : PDF_FONT.regular)
        .fontSize(size)
        .fillColor(cell.color ? hex(cell.color) : INK.text)
        .text(cellText(cell.text), x + 3, y + (rowH - size) / 2 - 1, { width: w - 6, align: cell.align ?? "left", height: size + 2, ellipsis: true, lineBreak: false });
      x += w;
      col += span;
    }
    y += rowH;
  }
  if (t.rows.length > maxRows) {
    doc.font(PDF_FONT.regular).fontSize(8).fillColor(INK.muted).text(`${t.rows.length - maxRows} more rows in the PowerPoint and Excel exports.`, 0.5 * PT, y + 2, { lineBreak: false });
  }
}

/**
 * Build the PDF.
 * @example
 * const pdf = await deckToPdf({ title: "Exec summary", slides }); // Content-Type: application/pdf
 */
export async function deckToPdf(deck: Deck): Promise<Buffer> {
  const doc = new PDFDocument({ size: [PAGE.w, PAGE.h], margin: 0, autoFirstPage: false, info: { Title: stripControls(deck.title), Author: deck.author ?? "Surveyscope", Creator: "Surveyscope" }, lang: "en" });
  doc.registerFont(PDF_FONT.regular, path.join(FONT_DIR, "DejaVuSans.ttf"));
  doc.registerFont(PDF_FONT.bold, path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  for (const s of deck.slides) {
    doc.addPage();
    const title = stripControls(s.title);
    doc.font(PDF_FONT.bold).fontSize(titleFontSize(title) * 0.85).fillColor(INK.text).text(title, 0.5 * PT, 0.25 * PT, { width: 9 * PT, height: 0.55 * PT, ellipsis: true });
    if (s.takeaway) {
      const sub = stripControls(s.takeaway);
      doc.font(PDF_FONT.regular).fontSize(subtitleFontSize(sub) * 0.85).fillColor(INK.body).text(sub, 0.5 * PT, 0.82 * PT, { width: 9 * PT, height: 0.5 * PT, ellipsis: true });
    }
    if (s.chart) drawPdfChart(doc, s.chart, CHART_BOX);
    if (s.table) drawTable(doc, s.table, (s.takeaway ? 1.35 : 0.95) * PT);
    doc.font(PDF_FONT.regular).fontSize(8.5).fillColor(INK.note).text(stripControls(s.baseNote), 0.5 * PT, 4.88 * PT, { width: 9 * PT, height: 0.34 * PT, ellipsis: true });
    doc.font(PDF_FONT.regular).fontSize(8.5).fillColor(INK.muted).text(`Source: ${stripControls(s.source)}`, 0.5 * PT, 5.25 * PT, { width: 9 * PT, lineBreak: false, ellipsis: true });
  }
  if (deck.slides.length === 0) doc.addPage();
  doc.end();
  return done;
}

/** Whether the embedded fonts are present (the PDF route answers 503 without them). */
export function pdfFontsAvailable(): boolean {
  return fs.existsSync(path.join(FONT_DIR, "DejaVuSans.ttf")) && fs.existsSync(path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
}
