/**
 * Banner table → CSV / XLSX. One grid model (two header rows: column group, then column label with
 * its letter; bases; one value row and one letters row per answer; notes) written twice, so the
 * two files agree. The grid holds the labels as they are; the writers pass every string through
 * spreadsheetText (invisible and bidi controls stripped, C26, without adding isolate marks that break
 * Excel lookups; then neutralizeFormula, C7); numbers are written as numbers in XLSX; hidden cells
 * read "< k"; the XLSX prints fit to width with its header rows repeated.
 */
import ExcelJS from "exceljs";
import { formatBase, formatCount, formatNumber, formatPercent, formatPValue } from "@/lib/format/number";
import type { BannerResult } from "@/lib/schema/banner";
import { CSV_EOL, UTF8_BOM, csvField, sanitizeSheetName, spreadsheetText } from "./escape";
import { LOW_BASE_FILL, applyPrintSetup } from "./xlsx";
import { INK, pptxColor } from "@/lib/format/palette";
import { bannerRowLabel } from "@/lib/analysis/banner-view";

export interface BannerGridCell {
  text: string;
  /** numeric value for XLSX (shares as 0–1) */
  value?: number;
  format?: "percent" | "number" | "count" | "base";
}

export interface BannerGrid {
  title: string;
  subtitle: string;
  /** two header rows */
  header: BannerGridCell[][];
  rows: { kind: "base" | "value" | "letters" | "divider"; cells: BannerGridCell[] }[];
  notes: string[];
  /** per grid column (0 = labels): low-base shading */
  lowBase: boolean[];
}

const text = (t: string): BannerGridCell => ({ text: t });
/** A user-supplied label, as it is: the writers clean and neutralize each whole cell (a label inside a title or a header is then escaped once, where it starts the cell). */
const userText = (t: string): string => t;

/**
 * The grid both writers use.
 * @example bannerToGrid(result, { source: "Demo, version 1" }).header[1][1].text // "Total"
 */
export function bannerToGrid(result: BannerResult, meta: { source: string }): BannerGrid {
  const cols = result.columns;
  const isMean = result.statistic === "mean";
  const title = `${userText(result.outcome.label)} by ${[...new Set(cols.filter((c) => c.segmentLabel).map((c) => userText(c.segmentLabel!)))].join(", ")}`;
  const subtitle = `${result.weighted ? "Weighted" : "Unweighted"} · ${Math.round(result.conf_level * 100)}% CI · ${meta.source}`;
  const header: BannerGridCell[][] = [
    [text(""), ...cols.map((c, i) => text(c.segment === null ? "" : i > 0 && cols[i - 1].segment === c.segment ? "" : userText(c.segmentLabel ?? c.segment)))],
    [text(""), ...cols.map((c) => text(c.segment === null ? "Total" : c.letter ? `${userText(c.label)} (${c.letter})` : userText(c.label)))],
  ];
  const baseCell = (v: number | null, hidden: string | null, f: "count" | "base"): BannerGridCell =>
    hidden !== null ? text(hidden) : v === null ? text("n/a") : { text: f === "count" ? formatCount(v) : formatBase(v), value: v, format: f };
  const rows: BannerGrid["rows"] = [
    { kind: "base", cells: [text("Base (n)"), ...cols.map((c) => baseCell(c.n, c.hidden, "count"))] },
  ];
  if (result.weighted) {
    rows.push({ kind: "base", cells: [text("Weighted base"), ...cols.map((c) => baseCell(c.weightedN, c.hidden, "base"))] });
    rows.push({ kind: "base", cells: [text("Effective base"), ...cols.map((c) => baseCell(c.effectiveN, c.hidden, "base"))] });
  }
  for (const [ri, r] of result.rows.entries()) {
    if (r.kind === "nonsubstantive" && result.rows[ri - 1]?.kind !== "nonsubstantive") {
      rows.push({ kind: "divider", cells: [text("Not in the base (shares of everyone who answered, these answers included)"), ...cols.map(() => text(""))] });
    }
    rows.push({
      kind: "value",
      cells: [
        text(userText(bannerRowLabel(r))),
        ...r.cells.map((cell) =>
          cell.hidden !== null ? text(cell.hidden) : cell.value === null ? text("n/a") : isMean ? { text: formatNumber(cell.value), value: cell.value, format: "number" as const } : { text: formatPercent(cell.value), value: cell.value, format: "percent" as const },
        ),
      ],
    });
    rows.push({ kind: "letters", cells: [text(""), ...r.cells.map((cell) => text(cell.letters))] });
  }
  const notes = [...result.notes];
  for (const t of result.tests) {
    if (t.test) notes.push(`${userText(t.segment)}: ${t.test} ${t.statistic === null ? "n/a" : t.statistic.toFixed(2)}, ${formatPValue(t.p)}.`);
  }
  return { title, subtitle, header, rows, notes: notes.map((n) => `Note: ${n}`), lowBase: [false, ...cols.map((c) => c.lowBase)] };
}

/**
 * The banner as CSV (UTF-8 BOM, CRLF, every record the same width, formula-safe).
 * @example bannerToCsv(grid).startsWith("\uFEFF") // true
 */
export function bannerToCsv(grid: BannerGrid): string {
  const width = grid.header[0].length;
  const field = (c: BannerGridCell) => csvField(c.value !== undefined ? c.text : spreadsheetText(c.text));
  const line = (first: string) => [csvField(spreadsheetText(first)), ...Array<string>(width - 1).fill("")].join(",");
  const records = [line(grid.title), line(grid.subtitle), ...grid.header.map((h) => h.map(field).join(",")), ...grid.rows.map((r) => r.cells.map(field).join(",")), ...grid.notes.map(line)];
  return `${UTF8_BOM}${records.join(CSV_EOL)}${CSV_EOL}`;
}

const FORMATS = { percent: "0.0%", number: "#,##0.00", count: "#,##0", base: "#,##0.0" } as const;

/**
 * The banner as a formatted XLSX workbook: bold two-row header (groups merged), numbers as numbers,
 * letters in small blue text under each value, low-base columns shaded, notes under the table.
 * @example const buf = await bannerToXlsx(bannerToGrid(result, { source }));
 */
export async function bannerToXlsx(grid: BannerGrid): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Surveyscope";
  wb.title = spreadsheetText(grid.title);
  const ws = wb.addWorksheet(sanitizeSheetName("Banner table"));
  const width = grid.header[0].length;
  ws.getCell(1, 1).value = spreadsheetText(grid.title);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = spreadsheetText(grid.subtitle);
  ws.getCell(2, 1).font = { italic: true, color: { argb: `FF${pptxColor(INK.note)}` } };
  const headerStart = 4;
  grid.header.forEach((h, hi) => {
    h.forEach((cell, ci) => {
      const c = ws.getCell(headerStart + hi, ci + 1);
      c.value = spreadsheetText(cell.text);
      c.font = { bold: true };
      c.alignment = { horizontal: ci === 0 ? "left" : "center", wrapText: true };
      c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${pptxColor(INK.headFill)}` } };
      if (hi === 1) c.border = { bottom: { style: "thin" } };
    });
  });
  // merge each group's header over its columns
  let start = -1;
  const top = grid.header[0];
  for (let ci = 1; ci <= width; ci++) {
    const opens = ci === width || top[ci]?.text !== "";
    if (opens) {
      if (start > 0 && ci - start > 1) ws.mergeCells(headerStart, start + 1, headerStart, ci);
      start = ci < width ? ci : -1;
    }
  }
  const bodyStart = headerStart + grid.header.length;
  grid.rows.forEach((r, ri) => {
    r.cells.forEach((cell, ci) => {
      const c = ws.getCell(bodyStart + ri, ci + 1);
      if (cell.value !== undefined && cell.format) {
        c.value = cell.value;
        c.numFmt = FORMATS[cell.format];
      } else {
        c.value = spreadsheetText(cell.text);
      }
      if (ci > 0) c.alignment = { horizontal: "right" };
      if (r.kind === "base") c.font = { color: { argb: `FF${pptxColor(INK.note)}` }, size: 9 };
      if (r.kind === "divider") c.font = { italic: true, color: { argb: `FF${pptxColor(INK.note)}` }, size: 9 };
      if (r.kind === "letters") c.font = { color: { argb: `FF${pptxColor(INK.letters)}` }, size: 8, bold: true };
      if (ci === 0 && r.kind === "value") c.font = { bold: true };
      if (grid.lowBase[ci]) c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: LOW_BASE_FILL } };
    });
  });
  const notesStart = bodyStart + grid.rows.length + 1;
  grid.notes.forEach((n, i) => {
    const c = ws.getCell(notesStart + i, 1);
    c.value = spreadsheetText(n);
    c.font = { size: 9, color: { argb: `FF${pptxColor(INK.note)}` } };
  });
  ws.getColumn(1).width = Math.min(50, Math.max(14, ...grid.rows.map((r) => r.cells[0].text.length + 2)));
  for (let i = 2; i <= width; i++) ws.getColumn(i).width = Math.min(28, Math.max(10, (grid.header[1][i - 1]?.text.length ?? 0) + 2));
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: bodyStart - 1 }];
  applyPrintSetup(ws, { title: grid.title, headerRows: [headerStart, bodyStart - 1] });
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
