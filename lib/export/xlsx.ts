/**
 * Table → XLSX with exceljs: title and subtitle, bold header, numbers stored as numbers with the
 * formats the UI uses (`0.0%` for shares), letters and labels as text, low-base rows shaded, the total
 * row bold, footnotes under the table, a print setup (fit to width, header rows repeated, title and
 * page numbers). Every string goes through spreadsheetText: invisible controls stripped, no bidi
 * marks added, then neutralizeFormula (C7); no cell is ever a formula.
 */
import ExcelJS from "exceljs";
import { sanitizeSheetName, spreadsheetText } from "./escape";
import { stripControls } from "@/lib/format/bidi";
import type { ExportCell, ExportTable } from "./table-model";
import { INK, pptxColor } from "@/lib/format/palette";

/** Fill for low-base rows (amber, like the UI). */
export const LOW_BASE_FILL = `FF${pptxColor(INK.lowBaseFill)}`;
const HEADER_FILL = `FF${pptxColor(INK.headFill)}`;

/** Excel number format for a numeric cell, matching lib/format/number. */
export function numberFormat(cell: ExportCell): string | undefined {
  switch (cell.kind) {
    case "percent":
      return "0.0%";
    case "number":
      return "#,##0.00";
    case "count":
      return "#,##0";
    case "base":
      // formatBase: whole numbers from 100, one decimal below
      return cell.value !== undefined && cell.value >= 100 ? "#,##0" : "0.0";
    default:
      return undefined;
  }
}

function setCell(target: ExcelJS.Cell, cell: ExportCell): void {
  const fmt = numberFormat(cell);
  if (fmt && cell.value !== undefined) {
    target.value = cell.value;
    target.numFmt = fmt;
    target.alignment = { horizontal: "right" };
  } else {
    target.value = spreadsheetText(cell.text);
    if (fmt) target.alignment = { horizontal: "right" };
  }
}

/** Text for an Excel header/footer section: controls stripped, `&` (the code prefix) doubled, kept short. */
function headerFooterText(text: string, max = 120): string {
  const plain = stripControls(text).replace(/[\r\n\t]+/g, " ").trim();
  const cut = Array.from(plain);
  return (cut.length > max ? `${cut.slice(0, max - 1).join("")}…` : plain).replace(/&/g, "&&");
}

/** Total column width (Excel character units) above which a sheet prints landscape. */
export const LANDSCAPE_ABOVE_WIDTH = 100;

/**
 * Print setup shared by the table and banner workbooks: landscape when the columns are wide, fit to
 * one page wide (as many pages tall as needed), the header rows repeated on every page, margins in
 * inches, the title in the page header and "Page n of m" in the footer. Paper size is left to the
 * printer's default (A4 or Letter by locale).
 * @example applyPrintSetup(ws, { title: "Satisfied by region", headerRows: [4, 4] });
 */
export function applyPrintSetup(ws: ExcelJS.Worksheet, o: { title: string; headerRows: [number, number] }): void {
  let total = 0;
  for (let i = 1; i <= ws.columnCount; i++) total += ws.getColumn(i).width ?? 9;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: total > LANDSCAPE_ABOVE_WIDTH ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    printTitlesRow: `${o.headerRows[0]}:${o.headerRows[1]}`,
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: `&L&"-,Bold"${headerFooterText(o.title)}`,
    oddFooter: "&LSurveyscope&RPage &P of &N",
  };
}

export interface XlsxOptions {
  /** worksheet name (sanitised); defaults to the title */
  sheetName?: string;
  /** workbook metadata */
  creator?: string;
}

/**
 * Render an export table as an .xlsx workbook.
 * @example
 * const buf = await tableToXlsx(toExportTable({ ... }));
 * // Response headers: Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
 */
export async function tableToXlsx(model: ExportTable, options: XlsxOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = options.creator ?? "Surveyscope";
  wb.title = spreadsheetText(model.title);
  const ws = wb.addWorksheet(sanitizeSheetName(options.sheetName ?? model.title));
  const width = Math.max(1, model.header.length);

  const title = ws.getCell(1, 1);
  title.value = spreadsheetText(model.title);
  title.font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = spreadsheetText(model.subtitle);
  ws.getCell(2, 1).font = { italic: true, color: { argb: `FF${pptxColor(INK.note)}` } };

  const headerRow = 4;
  model.header.forEach((h, i) => {
    const c = ws.getCell(headerRow, i + 1);
    c.value = spreadsheetText(h.text);
    c.font = { bold: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    c.border = { bottom: { style: "thin" } };
  });

  model.rows.forEach((r, ri) => {
    const rowNo = headerRow + 1 + ri;
    r.cells.forEach((cell, ci) => {
      const c = ws.getCell(rowNo, ci + 1);
      setCell(c, cell);
      if (r.isTotal) c.font = { bold: true };
      if (r.lowBase) c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: LOW_BASE_FILL } };
    });
  });

  const notesStart = headerRow + model.rows.length + 2;
  model.footnotes.forEach((note, i) => {
    const c = ws.getCell(notesStart + i, 1);
    c.value = spreadsheetText(note);
    c.font = { size: 9, color: { argb: `FF${pptxColor(INK.note)}` } };
  });

  for (let i = 1; i <= width; i++) {
    const texts = [model.header[i - 1]?.text ?? "", ...model.rows.map((r) => r.cells[i - 1]?.text ?? "")];
    ws.getColumn(i).width = Math.min(60, Math.max(8, ...texts.map((t) => t.length + 2)));
  }
  ws.views = [{ state: "frozen", ySplit: headerRow }];
  applyPrintSetup(ws, { title: model.title, headerRows: [headerRow, headerRow] });

  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
