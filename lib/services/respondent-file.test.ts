/**
 * One protected segment, four formats: every file read back with a reader that is not its writer
 * (papaparse, sav-reader, exceljs's workbook reader, DuckDB's read_parquet) holds the same rows in
 * the same order; only the format's own conventions differ (numbers typed, how a suppressed cell
 * is written, XLSX's U+FFFD for characters XML cannot hold).
 */
import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { restoreFormulaText } from "@/lib/export";
import { ABOUT, HEADER, QUESTIONS, ROWS } from "@/lib/export/respondents.fixtures";
import { RESPONDENT_EXPORT_FORMATS, type RespondentExportFormat } from "@/lib/schema/respondent-export";
import { readParquetBack } from "@/lib/store/duckdb/parquet.fixtures";
import { respondentFile } from "./respondent-file";

const { SavBufferReader } = createRequire(import.meta.url)("sav-reader") as {
  SavBufferReader: new (b: Buffer) => { open(): Promise<void>; meta: unknown; readAllRows(): Promise<Record<string, unknown>[]> };
};

type Cell = string | null;
const asCell = (v: unknown): Cell => (v === null || v === undefined || v === "" || v === -Number.MAX_VALUE ? null : String(v));

/** the file's header and rows as text, read by an independent reader */
async function readBack(format: RespondentExportFormat, file: string | Uint8Array): Promise<{ header: string[]; rows: Cell[][] }> {
  if (format === "csv") {
    const [header, ...rows] = Papa.parse<string[]>(String(file).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    return { header, rows: rows.map((r) => r.map((c) => asCell(restoreFormulaText(c)))) };
  }
  if (format === "sav") {
    const sav = new SavBufferReader(Buffer.from(file as Uint8Array));
    await sav.open();
    const labels = (sav.meta as { sysvars: { name: string; label: string }[] }).sysvars;
    const rows = await sav.readAllRows();
    return { header: labels.map((v) => v.label), rows: rows.map((r) => labels.map((v) => asCell(typeof r[v.name] === "string" ? (r[v.name] as string).trimEnd() : r[v.name]))) };
  }
  if (format === "xlsx") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file as Uint8Array) as unknown as ArrayBuffer);
    const out: Cell[][] = [];
    wb.getWorksheet("Respondents")!.eachRow({ includeEmpty: true }, (row) => out.push(HEADER.map((_, i) => asCell(row.getCell(i + 1).value)).map((c) => (c === null ? c : restoreFormulaText(c)))));
    return { header: out[0] as string[], rows: out.slice(1) };
  }
  const back = await readParquetBack(file as Uint8Array);
  return { header: back.columns.map((c) => c.name), rows: back.rows.map((r) => r.map(asCell)) };
}

/** the columns each format stores as numbers (SAV: every all-numeric variable that is not text, id or date) */
const NUMERIC: Record<RespondentExportFormat, string[]> = { csv: [], sav: ["age", "satisfaction", "weight"], xlsx: ["age", "weight"], parquet: ["age", "weight"] };

/** ROWS as the format should give them back */
function expected(format: RespondentExportFormat): Cell[][] {
  return ROWS.map((r) =>
    r.map((c, j) => {
      const numeric = NUMERIC[format].includes(HEADER[j]);
      if (c === null || c === "") return null;
      if (c === "*") return numeric || format === "parquet" ? null : "*";
      if (numeric) return String(Number(c));
      return format === "xlsx" ? c.replace(/\u0007/g, "\ufffd") : c;
    }),
  );
}

describe("respondentFile: the same protected rows in every format", () => {
  test.each(RESPONDENT_EXPORT_FORMATS.map((f) => [f]))("%s: header and rows, in order", async (format) => {
    const back = await readBack(format, await respondentFile(format, QUESTIONS, ROWS, ABOUT));
    // SAV variable names are SPSS names: its labels carry the question texts instead
    expect(back.header).toEqual(format === "sav" ? ["Region", "Age in years", "How satisfied are you?", "Anything else?", "Tools used: Vault", "Tools used: CI secrets", "Weight"] : HEADER);
    expect(back.rows).toEqual(expected(format));
  });

  test("the typed files say in themselves what was filtered and suppressed", async () => {
    const parquet = await readParquetBack((await respondentFile("parquet", QUESTIONS, ROWS, ABOUT)) as Uint8Array);
    expect(parquet.columns.map((c) => c.type)).toEqual(["VARCHAR", "DOUBLE", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE"]);
    expect(parquet.metadata).toMatchObject({ "surveyscope.filters": JSON.stringify(ABOUT.filters), "surveyscope.k": "5", "surveyscope.suppressed_cells": "2", "surveyscope.rows": "5", "surveyscope.truncated": "false" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await respondentFile("xlsx", QUESTIONS, ROWS, ABOUT)) as Uint8Array) as unknown as ArrayBuffer);
    const about: Record<string, unknown> = {};
    wb.getWorksheet("About this export")!.eachRow((row) => (about[String(row.getCell(1).value)] = row.getCell(2).value));
    expect(about).toMatchObject({ "Filters applied": "region: North | South; satisfaction: 1 | 5", "k-anonymity k": 5, "Cells suppressed": 2, Rows: 5, "Truncated at the row cap": "no" });
  });
});
