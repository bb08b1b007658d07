/**
 * Clean spreadsheet text (issue 19): CSV and XLSX exports carry no bidi or other invisible controls,
 * add no isolate marks of their own, still neutralise formula-like cells, use plain-word headers, and
 * the workbooks come with a print setup. Every file is parsed back (papaparse, exceljs).
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { bannerResultSchema, type BannerResult } from "@/lib/schema/banner";
import { bannerToCsv, bannerToGrid, bannerToXlsx } from "./banner-table";
import { tableToCsv } from "./csv";
import { spreadsheetText } from "./escape";
import { row } from "./export.fixtures";
import { toExportTable } from "./table-model";
import { LANDSCAPE_ABOVE_WIDTH, tableToXlsx } from "./xlsx";

/** Bidi embeddings/overrides/isolates/marks, C0/C1 controls but TAB/LF/CR, zero-width and other format characters. */
const FORBIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\u061C\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
/** A cell a spreadsheet could evaluate. */
const FORMULA_LIKE = /^[\s"]*[=+\-@|%\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;

const RLO = "\u202E";
const hostile = {
  rtlOverride: `${RLO}gnp.exe${"\u202C"}`,
  isolatedFormula: `\u2068${RLO}=HYPERLINK("https://x.invalid")\u2069`,
  hiddenFormula: `\u200B\u2066+cmd|' /C calc'!A0\u2069`,
  controls: `Bell\u0007 and\u0000 nul \uFEFFbom\u00ADsoft`,
  hebrew: "\u05DB\u05DF", // a right-to-left label stays as it is, unmarked
};

function csvCells(csv: string): string[][] {
  const p = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: true });
  expect(p.errors).toEqual([]);
  return p.data;
}

async function xlsxCells(buf: Buffer): Promise<{ ws: ExcelJS.Worksheet; strings: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const strings: string[] = [];
  ws.eachRow({ includeEmpty: false }, (r) =>
    r.eachCell((c) => {
      expect(typeof c.value === "object" && c.value !== null && "formula" in c.value, String(c.address)).toBe(false);
      if (typeof c.value === "string") strings.push(c.value);
    }),
  );
  return { ws, strings };
}

function expectClean(cells: string[]): void {
  expect(cells.length).toBeGreaterThan(5);
  for (const s of cells) {
    expect(FORBIDDEN.test(s), JSON.stringify(s)).toBe(false);
    expect(FORMULA_LIKE.test(s), JSON.stringify(s)).toBe(false);
  }
}

const breakdown = () =>
  toExportTable({
    title: hostile.isolatedFormula,
    subtitle: hostile.controls,
    statistic: "proportion",
    confLevel: 0.95,
    weighted: true,
    rows: [
      row({ key: "a", label: hostile.rtlOverride, letter: "A" }),
      row({ key: "b", label: hostile.hiddenFormula, letter: "B" }),
      row({ key: "c", label: hostile.hebrew, letter: "C" }),
      row({ key: "d", label: "-5 to 0", letter: "D" }),
      row({ key: "total", label: "Total", isTotal: true, n: 1571 }),
    ],
    baseNote: `Base: all respondents ${RLO}(n = 1,571)`,
    letters: { test: "weighted_z", correction: "none" },
    source: "@pulse.csv",
  });

const col = (id: string, segment: string | null, segmentLabel: string | null, label: string, letter: string, n: number) => ({
  id, segment, segmentLabel, level: segment ? label : null, label, letter, n, weightedN: n, effectiveN: n, lowBase: false, hidden: null,
});
const cell = (columnId: string, value: number, letters = "") => ({ columnId, value, ci: [value - 0.05, value + 0.05] as [number, number], count: 10, hidden: null, letters });
const banner = (): BannerResult =>
  bannerResultSchema.parse({
    outcome: { id: "q", label: hostile.isolatedFormula, type: "single" },
    statistic: "proportion",
    weighted: true,
    weighting: { weight: "weight", source: "request" },
    conf_level: 0.95,
    sig: "holm",
    columns: [
      col("total", null, null, "Total", "", 200),
      col("g0c0", "g", hostile.hiddenFormula, hostile.rtlOverride, "A", 80),
      col("g0c1", "g", hostile.hiddenFormula, hostile.hebrew, "B", 120),
      ...["c", "d", "e", "f", "g", "h", "i", "j"].map((k, i) => col(`g1c${i}`, "s", "Company size band", `Size band number ${k}`, String.fromCharCode(65 + i), 20 + i)),
    ],
    rows: [
      { id: "r0", codes: ["Yes"], label: `${RLO}@Yes`, kind: "option", cells: [cell("total", 0.7), cell("g0c0", 0.6), cell("g0c1", 0.8, "A"), ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => cell(`g1c${i}`, 0.5))] },
      { id: "r1", codes: ["No"], label: hostile.controls, kind: "option", cells: [cell("total", 0.3), cell("g0c0", 0.4), cell("g0c1", 0.2), ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => cell(`g1c${i}`, 0.5))] },
    ],
    tests: [{ segment: hostile.rtlOverride, test: "Rao–Scott F", statistic: 7.5, p: 0.006 }],
    notes: [`Weighted by ${RLO}weight.`],
    disclosure: { k: 5, suppressedCells: 0 },
    dataset: { id: "demo", version: 1 },
  });

describe("spreadsheetText", () => {
  it("strips controls first, then neutralises a trigger they were hiding", () => {
    expect(spreadsheetText(hostile.isolatedFormula)).toBe(`'=HYPERLINK("https://x.invalid")`);
    expect(spreadsheetText(hostile.hiddenFormula)).toBe(`'+cmd|' /C calc'!A0`);
    expect(spreadsheetText(hostile.rtlOverride)).toBe("gnp.exe");
    expect(spreadsheetText(hostile.hebrew)).toBe(hostile.hebrew);
    expect(spreadsheetText("a\tb\nc")).toBe("a\tb\nc");
  });
});

describe("breakdown table exports", () => {
  it("headers are plain words, never formula-escaped", () => {
    const header = breakdown().header.map((c) => c.text);
    expect(header).toContain("Share (%)");
    for (const h of header) expect(spreadsheetText(h), h).toBe(h);
    const csvHeader = csvCells(tableToCsv(breakdown()))[2];
    expect(csvHeader).toEqual(header);
    expect(csvHeader.some((h) => h.startsWith("'"))).toBe(false);
  });

  it("CSV: no bidi or invisible controls in any cell, formula-like cells neutralised", () => {
    const rows = csvCells(tableToCsv(breakdown()));
    expectClean(rows.flat().filter((c) => c !== ""));
    expect(rows[0][0]).toBe(`'=HYPERLINK("https://x.invalid")`);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(["gnp.exe", `'+cmd|' /C calc'!A0`, hostile.hebrew, "'-5 to 0", "Bell and nul bomsoft"]));
    expect(rows.flat().join("\n")).toContain("Source: @pulse.csv");
  });

  it("XLSX: no bidi or invisible controls in any cell, formula-like cells neutralised, print setup present", async () => {
    const { ws, strings } = await xlsxCells(await tableToXlsx(breakdown()));
    expectClean(strings);
    expect(strings).toContain(`'=HYPERLINK("https://x.invalid")`);
    expect(strings).toContain("gnp.exe");
    expect(strings).toContain("Share (%)");
    expect(ws.getCell("A4").value).toBe("Segment");
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.5, right: 0.5, top: 0.75, bottom: 0.75 });
    expect(ws.pageSetup.printTitlesRow).toBe("4:4");
    expect(ws.headerFooter.oddFooter).toContain("Page &P of &N");
    expect(ws.headerFooter.oddHeader).toContain(`=HYPERLINK("https://x.invalid")`);
    expect(BIDI.test(ws.headerFooter.oddHeader ?? "")).toBe(false);
  });

  it("XLSX: portrait when narrow, landscape when wide; & in the title is literal in the page header", async () => {
    const narrow = toExportTable({ title: "Q&A", statistic: "mean", confLevel: 0.95, weighted: false, rows: [row({ label: "A" })], baseNote: "b", letters: { test: "unweighted", correction: "none" } });
    const { ws } = await xlsxCells(await tableToXlsx(narrow));
    expect(ws.pageSetup.orientation).toBe("portrait");
    expect(ws.headerFooter.oddHeader).toContain("Q&&A");
    const wide = toExportTable({ ...{ title: "t", statistic: "proportion", confLevel: 0.95, weighted: true, baseNote: "b", letters: { test: "weighted_z", correction: "none" } }, rows: [row({ label: "x".repeat(58) })] } as const);
    const { ws: w2 } = await xlsxCells(await tableToXlsx(wide));
    let total = 0;
    for (let i = 1; i <= w2.columnCount; i++) total += w2.getColumn(i).width ?? 9;
    expect(total).toBeGreaterThan(LANDSCAPE_ABOVE_WIDTH);
    expect(w2.pageSetup.orientation).toBe("landscape");
  });
});

describe("banner exports", () => {
  it("CSV: no bidi or invisible controls, no isolate marks added, formula-like labels neutralised", () => {
    const csv = bannerToCsv(bannerToGrid(banner(), { source: "Demo" }));
    expect(BIDI.test(csv)).toBe(false);
    const rows = csvCells(csv);
    expectClean(rows.flat().filter((c) => c !== ""));
    expect(rows[0][0]).toBe(`'=HYPERLINK("https://x.invalid") by +cmd|' /C calc'!A0, Company size band`);
    expect(rows[2][1]).toBe("");
    expect(rows[2][2]).toBe(`'+cmd|' /C calc'!A0`);
    expect(rows[3].slice(1, 4)).toEqual(["Total", "gnp.exe (A)", `${hostile.hebrew} (B)`]);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(["'@Yes", "Bell and nul bomsoft"]));
    expect(rows.flat()).toContain("Note: gnp.exe: Rao–Scott F 7.50, p = 0.006.");
  });

  it("XLSX: the same clean cells, and a print setup with both header rows repeated", async () => {
    const { ws, strings } = await xlsxCells(await bannerToXlsx(bannerToGrid(banner(), { source: "Demo" })));
    expectClean(strings);
    expect(strings).toEqual(expect.arrayContaining(["'@Yes", "gnp.exe (A)", `'+cmd|' /C calc'!A0`, "Note: Weighted by weight."]));
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe("4:5");
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.5, top: 0.75 });
    expect(ws.headerFooter.oddHeader).toContain("by");
    expect(ws.headerFooter.oddFooter).toBe("&LSurveyscope&RPage &P of &N");
  });
});
