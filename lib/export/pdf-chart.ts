/**
 * A deck chart (./pptx-chart `DeckChart`) drawn as vector graphics on a PDF page with pdfkit: the
 * same bars, order, colours, value labels and reference lines as the PowerPoint chart, so the PDF
 * and the deck tell the same story. Text is real text (selectable, searchable).
 */
import type PDFKit from "pdfkit";
import { BENCHMARK_HEX, CATEGORICAL_HEX, INK, TOTAL_HEX } from "@/lib/format/palette";
import { stripControls } from "@/lib/format/bidi";
import type { ChartBox, DeckChart } from "./pptx-chart";

/** Points per inch: boxes are given in the deck's inches. */
export const PT = 72;

export const PDF_FONT = { regular: "body", bold: "bold" } as const;

const hex = (c: string) => (c.startsWith("#") ? c : `#${c}`);

/**
 * Value axis ticks: 0..max in 4 steps, or the symmetric diverging axis.
 * @example axisTicks(0, 100) // [0, 25, 50, 75, 100]
 */
export function axisTicks(min: number, max: number): number[] {
  const step = (max - min) / 4;
  return [0, 1, 2, 3, 4].map((i) => Math.round((min + i * step) * 100) / 100);
}

/** An automatic axis maximum above the data (for means, counts). */
function autoMax(c: DeckChart): number {
  const sums = c.categories.map((_, i) => (c.kind === "bar" ? Math.max(0, ...c.series.map((s) => s.values[i] ?? 0)) : c.series.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0)));
  const top = Math.max(1, ...sums);
  const mag = 10 ** Math.floor(Math.log10(top));
  return Math.ceil(top / mag) * mag;
}

function valueText(v: number, c: DeckChart): string {
  const d = c.decimals ?? (c.unit === "%" ? 1 : 2);
  return `${Math.abs(v).toFixed(d)}${c.unit}`;
}

/**
 * Draw the chart in `box` (inches) on the current page.
 * @example drawPdfChart(doc, tileChart(tile), { x: 0.5, y: 1.35, w: 9, h: 3.45 })
 */
export function drawPdfChart(doc: PDFKit.PDFDocument, c: DeckChart, box: ChartBox): void {
  const X = box.x * PT;
  const Y = box.y * PT;
  const W = box.w * PT;
  const H = box.h * PT;
  const multi = c.series.length > 1;
  const legendH = multi ? 18 : 0;
  const plot = { x: X + W * 0.3, y: Y + 16, w: W * 0.64, h: H - 16 - 18 - legendH };
  const min = c.min ?? 0;
  const max = c.max ?? autoMax(c);
  const xAt = (v: number) => plot.x + (plot.w * (Math.min(max, Math.max(min, v)) - min)) / (max - min || 1);
  const colors = c.series.map((s, i) => hex(s.color ?? CATEGORICAL_HEX[i % CATEGORICAL_HEX.length]));
  const totals = new Set(c.totals ?? []);

  // grid and axis labels
  doc.font(PDF_FONT.regular).fontSize(8).lineWidth(0.5);
  for (const t of axisTicks(min, max)) {
    const x = xAt(t);
    doc.moveTo(x, plot.y).lineTo(x, plot.y + plot.h).strokeColor(INK.grid).stroke();
    doc.fillColor(INK.muted).text(`${Math.abs(t)}${c.unit}`, x - 20, plot.y + plot.h + 4, { width: 40, align: "center", lineBreak: false });
  }

  const rowH = plot.h / Math.max(1, c.categories.length);
  const barH = Math.min(22, rowH * (multi && c.kind === "bar" ? 0.8 : 0.62));
  c.categories.forEach((label, i) => {
    const cy = plot.y + rowH * i + rowH / 2;
    doc.font(totals.has(label) ? PDF_FONT.bold : PDF_FONT.regular).fontSize(9).fillColor(INK.text);
    doc.text(stripControls(label), X, cy - 5, { width: plot.x - X - 6, align: "right", height: 12, ellipsis: true, lineBreak: false });
    if (c.kind === "bar") {
      const h = barH / c.series.length;
      c.series.forEach((s, j) => {
        const v = s.values[i];
        if (v === null || v === undefined) return;
        const y = cy - barH / 2 + j * h;
        const color = !multi && totals.has(label) ? TOTAL_HEX : colors[j];
        doc.rect(xAt(0), y, Math.max(0.5, xAt(v) - xAt(0)), h).fillColor(color).fill();
        doc.font(PDF_FONT.regular).fontSize(8).fillColor(INK.text).text(valueText(v, c), xAt(v) + 3, y + h / 2 - 4, { lineBreak: false });
      });
      return;
    }
    let neg = 0;
    let pos = 0;
    c.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined || v === 0) return;
      const from = v < 0 ? neg + v : pos;
      if (v < 0) neg += v;
      else pos += v;
      const x0 = xAt(from);
      const w = xAt(from + Math.abs(v)) - x0;
      doc.rect(x0, cy - barH / 2, w, barH).fillColor(colors[j]).fill();
      if (c.kind === "stacked" && w > 24) {
        doc.font(PDF_FONT.regular).fontSize(7.5).fillColor(INK.background).text(valueText(v, c), x0, cy - 4, { width: w, align: "center", lineBreak: false });
      }
    });
  });
  if (min < 0) doc.moveTo(xAt(0), plot.y).lineTo(xAt(0), plot.y + plot.h).lineWidth(1).strokeColor(INK.whisker).stroke();

  // reference lines (published figures), labels alternating above the plot
  [...(c.references ?? [])]
    .sort((a, b) => a.value - b.value)
    .forEach((r, i) => {
      if (r.value < min || r.value > max) return;
      const x = xAt(r.value);
      doc.save().moveTo(x, plot.y - 2).lineTo(x, plot.y + plot.h).lineWidth(1.2).dash(4, { space: 3 }).strokeColor(BENCHMARK_HEX).stroke().undash().restore();
      doc.font(PDF_FONT.regular).fontSize(8).fillColor(BENCHMARK_HEX).text(stripControls(r.label), x - 60, plot.y - 13 - (i % 2) * 9, { width: 120, align: "center", lineBreak: false });
    });

  if (multi) {
    let lx = plot.x;
    const ly = Y + H - legendH + 4;
    c.series.forEach((s, j) => {
      const name = stripControls(s.name);
      doc.font(PDF_FONT.regular).fontSize(8);
      const w = Math.min(140, doc.widthOfString(name) + 16);
      if (lx + w > X + W) return;
      doc.rect(lx, ly + 1, 8, 8).fillColor(colors[j]).fill();
      doc.fillColor(INK.body).text(name, lx + 11, ly, { width: w - 11, lineBreak: false, ellipsis: true, height: 10 });
      lx += w + 6;
    });
  }
}
