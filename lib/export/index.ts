/**
 * Exports: table → CSV/XLSX, chart → SVG/PNG, dashboard → PPTX, respondent segment → CSV/SAV/XLSX/Parquet.
 * Server-side and pure (no React/Next). All spreadsheet-bound text goes through `neutralizeFormula`
 * (research/reliability.md C7); all SVG text through `escapeXml` with an element/attribute allow-list (C28).
 *
 * @example
 * import { toExportTable, tableToCsv, tableToXlsx, chartToSvg } from "@/lib/export";
 * const model = toExportTable({ title, statistic: "proportion", confLevel: 0.95, weighted: true, rows, baseNote });
 * const csv = tableToCsv(model);            // text/csv; charset=utf-8 (BOM included)
 * const xlsx = await tableToXlsx(model);    // Buffer
 * const svg = chartToSvg({ title, unit: "%", max: 100, data: toChartData(rows, "proportion") });
 */
export { neutralizeFormula, neutralizeNumericText, restoreFormulaText, csvField, csvTextField, csvRecord, escapeXml, sanitizeSheetName, UTF8_BOM, CSV_EOL } from "./escape";
export { toExportTable, LOW_BASE_TEXT } from "./table-model";
export type { ExportCell, ExportCellKind, ExportRow, ExportTable, ExportTableInput } from "./table-model";
export { tableToCsv } from "./csv";
export { tableToXlsx } from "./xlsx";
export type { XlsxOptions } from "./xlsx";
export { rowsToCsv } from "./respondents-csv";
export type { RespondentsCsvOptions } from "./respondents-csv";
export { rowsToSav, savColumns } from "./respondents-sav";
export type { RespondentsSavOptions, SavColumn } from "./respondents-sav";
export { respondentColumns, cellKinds, typedCell, SUPPRESSED_CELL } from "./respondent-columns";
export type { RespondentColumn, CellKind } from "./respondent-columns";
export { aboutFacts, aboutNotes, factJson, factText } from "./respondents-about";
export type { AboutFact, RespondentExportAbout } from "./respondents-about";
export { rowsToXlsx, XLSX_SUPPRESSED_AS } from "./respondents-xlsx";
export { parquetTable, parquetNames, PARQUET_SUPPRESSED_AS, PARQUET_KEY_PREFIX } from "./respondents-parquet";
export type { ParquetTable } from "./respondents-parquet";
export { chartToSvg, svgSize } from "./svg";
export type { ChartSvgSpec, SvgBarDatum } from "./svg";
export { svgToPng, pngSize, PngUnavailableError } from "./png";
export { deckToPptx } from "./pptx";
export { contentDisposition, safeAsciiFilename } from "./filename";
export type { Deck, DeckSlide, DeckOptions, DeckTable } from "./pptx";
export type { DeckChart } from "./pptx-chart";

/** MIME types for the download responses. */
export const EXPORT_CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  sav: "application/x-spss-sav",
  parquet: "application/vnd.apache.parquet",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  svg: "image/svg+xml",
  png: "image/png",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  pdf: "application/pdf",
} as const;
