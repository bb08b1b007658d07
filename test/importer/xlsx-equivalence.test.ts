/**
 * An .xlsx download gives the same import as the vendor's CSV: each CSV fixture is written into
 * a workbook here (exceljs), the way vendors write them — numbers as numbers, ISO dates as date
 * cells, SurveyMonkey's question headers merged across their option columns, one cell as rich
 * text and one as a formula with its cached result — and both files go through `ingest()`.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { createMemorySink, ingest } from "@/lib/ingest";
import { datasetsRoot, fileChunks } from "./helpers";

const NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d*[1-9])?$/;
const DATE = /^(\d{4})-(\d\d)-(\d\d)(?: (\d\d):(\d\d):(\d\d))?$/;

function cellValue(text: string): ExcelJS.CellValue {
  if (NUMBER.test(text) && String(Number(text)) === text) return Number(text);
  const d = DATE.exec(text);
  if (d) {
    const [, y, mo, da, h = "0", mi = "0", s = "0"] = d;
    return new Date(Date.UTC(+y, +mo - 1, +da, +h, +mi, +s));
  }
  return text === "" ? null : text;
}

async function toWorkbook(rows: string[][], mergeHeaders: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((cell, j) => {
      const c = row.getCell(j + 1);
      const v = cellValue(cell);
      if (v instanceof Date) {
        c.value = v;
        c.numFmt = cell.length > 10 ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd";
      } else c.value = v;
    });
  });
  // a rich-text and a formula cell among the data
  const first = rows.findIndex((r, i) => i >= 3 && r.some((c) => c !== "" && typeof cellValue(c) === "string"));
  if (first >= 0) {
    const j = rows[first].findIndex((c) => c.length > 1 && typeof cellValue(c) === "string");
    const t = rows[first][j];
    ws.getCell(first + 1, j + 1).value = { richText: [{ text: t.slice(0, 1), font: { bold: true } }, { text: t.slice(1) }] };
  }
  // (nonzero: exceljs's writer leaves out a cached result of 0)
  const numeric = (c: string) => typeof cellValue(c) === "number" && Number(c) !== 0;
  const num = rows.findIndex((r, i) => i >= 3 && r.some(numeric));
  if (num >= 0) {
    const j = rows[num].findIndex(numeric);
    ws.getCell(num + 1, j + 1).value = { formula: `${rows[num][j]}*1`, result: Number(rows[num][j]) } as ExcelJS.CellFormulaValue;
  }
  if (mergeHeaders) {
    const header = rows[0];
    for (let j = 0; j < header.length; ) {
      let k = j + 1;
      while (k < header.length && header[k] === "") k++;
      if (header[j] !== "" && k - j > 1) ws.mergeCells(1, j + 1, 1, k);
      j = k;
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += 16384) yield bytes.subarray(at, at + 16384);
}

const cases = [
  { file: "vendor-exports/qualtrics/qualtrics-r-sample.csv", merge: false },
  { file: "vendor-exports/qualtrics/qualtricstools-sample-survey-insights.csv", merge: false },
  { file: "vendor-exports/surveymonkey/fivethirtyeight-religion-survey.csv", merge: true },
  { file: "vendor-exports/google-forms/jupyter-2016-education-survey.csv", merge: false },
  { file: "vendor-exports/synthetic/typeform-responses.csv", merge: false },
  { file: "vendor-exports/synthetic/limesurvey-responses-codes.csv", merge: false },
];

describe.each(cases)("$file as .xlsx", ({ file, merge }) => {
  test("same dialect, questions and rows as the CSV", async () => {
    const full = path.join(datasetsRoot, file);
    const text = fs.readFileSync(full, "utf8").replace(/^\uFEFF/, "");
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const xlsx = await toWorkbook(rows, merge);
    const a = createMemorySink();
    const b = createMemorySink();
    const fromCsv = await ingest(fileChunks(full), a, { fileName: path.basename(full) });
    const fromXlsx = await ingest(once(xlsx), b, { fileName: "export.xlsx" });
    expect(fromXlsx.format).toBe(fromCsv.format);
    expect(fromXlsx.respondents).toBe(fromCsv.respondents);
    expect(fromXlsx.questions).toEqual(fromCsv.questions);
    expect(b.rows).toEqual(a.rows);
  }, 60_000);
});
