import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { tableToCsv } from "./csv";
import { restoreFormulaText } from "./escape";
import { rowsToCsv } from "./respondents-csv";
import { toExportTable } from "./table-model";
import { lettersRule } from "@/lib/stats/letters-rule";
import { LOW_BASE_FILL, tableToXlsx } from "./xlsx";
import { UNSAFE_CELL, hostileStrings, readFixture, sampleRows } from "./export.fixtures";

const model = () =>
  toExportTable({
    title: "=HYPERLINK(\"https://x.invalid\",\"Satisfied\") by region",
    statistic: "proportion",
    confLevel: 0.95,
    weighted: true,
    rows: sampleRows(),
    baseNote: "Base: all respondents (n = 1,571)",
    source: "@pulse.csv",
    minBase: 30,
    letters: { test: "weighted_z", correction: "holm" },
  });

function parseCsv(csv: string): string[][] {
  const p = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { header: false, delimiter: ",", newline: "\r\n", skipEmptyLines: false });
  expect(p.errors).toEqual([]);
  return p.data.filter((r) => !(r.length === 1 && r[0] === ""));
}

describe("toExportTable", () => {
  it("uses the UI's headers and formatted text, with typed values", () => {
    const t = model();
    expect(t.header.map((c) => c.text)).toEqual(["Segment", "Col", "Share (%)", "Sig.", "95% CI", "n", "Weighted n", "Effective n", "Note"]);
    expect(t.rows[0].cells[2]).toEqual({ text: "74.1%", value: 0.7412, kind: "percent" });
    expect(t.rows[0].cells[4].text).toBe("70.0–78.0%");
    expect(t.rows[4].cells[5]).toEqual({ text: "1,571", value: 1571, kind: "count" });
    expect(t.rows[1].cells[6]).toEqual({ text: "77.3", value: 77.31, kind: "base" });
    expect(t.rows[0].cells[3]).toEqual({ text: "C", kind: "letters" });
    expect(t.rows[2]).toMatchObject({ lowBase: true });
    expect(t.rows[2].cells[8].text).toBe("low base");
    expect(t.rows[3].cells[2]).toEqual({ text: "n/a", kind: "percent" });
    expect(t.rows[3].lowBase).toBe(false); // n = 0: shown as n/a, not flagged (as in the UI)
    // the screen's rule word for word (test, both alphas, correction), not a confidence level the letters never used
    expect(t.footnotes).toContain(`Sig. (Col = the column's letter): ${lettersRule({ test: "weighted_z", correction: "holm" })} – = no significant difference.`);
    expect(t.footnotes.join("\n")).not.toMatch(/95% confidence level/);
    expect(t.footnotes.join("\n")).toMatch(/Low base: effective n below 30/);
  });

  it("unweighted means drop the weighted column and format means", () => {
    const t = toExportTable({ title: "t", statistic: "mean", confLevel: 0.9, weighted: false, rows: [sampleRows()[0]], baseNote: "b", letters: { test: "unweighted", correction: "none" } });
    expect(t.header.map((c) => c.text)).toEqual(["Segment", "Col", "Mean", "Sig.", "90% CI", "n", "Effective n", "Note"]);
    expect(t.rows[0].cells[2]).toEqual({ text: "0.74", value: 0.7412, kind: "number" });
  });
});

describe("tableToCsv", () => {
  it("has a BOM, round-trips through papaparse as a rectangle, and shows the UI text", () => {
    const csv = tableToCsv(model());
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(csv);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([9]));
    expect(rows[2][0]).toBe("Segment");
    expect(rows[3].slice(0, 6)).toEqual(["'=1+2", "A", "74.1%", "C", "70.0–78.0%", "420"]);
    expect(rows[4][0]).toBe("<img src=x onerror=alert(1)>");
    expect(rows[7].slice(0, 6)).toEqual(["Total", "", "74.1%", "", "70.0–78.0%", "1,571"]);
    expect(restoreFormulaText(rows[0][0])).toBe(model().title);
    for (const cell of rows.flat()) expect(UNSAFE_CELL.test(cell), cell).toBe(false);
  });
});

describe("tableToXlsx", () => {
  it("re-opens with exceljs with number formats, bold header, low-base shading and no formula-like strings", async () => {
    const buf = await tableToXlsx(model(), { sheetName: "Region: [all]" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("Region all");
    expect(ws.getCell("A4").value).toBe("Segment");
    expect(ws.getCell("A4").font?.bold).toBe(true);
    const first = ws.getRow(5);
    expect(first.getCell(1).value).toBe("'=1+2");
    expect(first.getCell(3).value).toBe(0.7412);
    expect(first.getCell(3).numFmt).toBe("0.0%");
    expect(first.getCell(6).value).toBe(420);
    expect(first.getCell(6).numFmt).toBe("#,##0");
    expect(first.getCell(7).numFmt).toBe("#,##0");
    expect(ws.getRow(6).getCell(7).numFmt).toBe("0.0");
    expect(first.getCell(4).value).toBe("C");
    const low = ws.getRow(7).getCell(3);
    expect(low.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: LOW_BASE_FILL } });
    expect(ws.getRow(8).getCell(3).value).toBe("n/a");
    expect(ws.getRow(9).getCell(1).font?.bold).toBe(true);
    const strings: string[] = [];
    ws.eachRow((r) =>
      r.eachCell((c) => {
        expect(typeof c.value === "object" && c.value !== null && "formula" in c.value).toBe(false);
        if (typeof c.value === "string") strings.push(c.value);
      }),
    );
    expect(strings.some((s) => s.startsWith("Low base"))).toBe(true);
    expect(strings).toContain("'=HYPERLINK(\"https://x.invalid\",\"Satisfied\") by region");
    for (const s of strings) {
      expect(s.startsWith("="), s).toBe(false);
      expect(UNSAFE_CELL.test(s), s).toBe(false);
    }
  });
});

describe("rowsToCsv (respondent-level)", () => {
  it("neutralizes every hostile cell and header from the fixtures, and the round trip is exact", () => {
    const data = readFixture("formula-injection.csv");
    const xss = readFixture("xss-labels.csv");
    const headers = [...data[0], ...xss[0].slice(1)];
    const rows = data.slice(1).map((r, i) => [...r, ...(xss[1 + (i % (xss.length - 1))]?.slice(1) ?? ["", ""])]);
    const csv = rowsToCsv(headers, [...rows, ["16", null, null, "=x"]], { numericColumns: [0] });
    expect(csv.startsWith("\uFEFFid,")).toBe(true);
    const back = parseCsv(csv);
    expect(back).toHaveLength(rows.length + 2);
    back.slice(1, -1).forEach((r, i) => expect(r.map(restoreFormulaText)).toEqual(rows[i]));
    expect(back.at(-1)).toEqual(["16", "", "", "'=x"]);
    for (const cell of back.flat()) expect(UNSAFE_CELL.test(cell), JSON.stringify(cell)).toBe(false);
  });

  it("keeps real numbers in numeric columns and escapes them elsewhere", () => {
    const { formulas } = hostileStrings();
    expect(formulas).toContain("-12.5");
    expect(rowsToCsv(["x", "y"], [["-12.5", "-12.5"]], { numericColumns: [0], bom: false })).toBe("x,y\r\n-12.5,'-12.5\r\n");
    expect(() => rowsToCsv(["x"], [["1", "2"]])).toThrow(/expected 1/);
  });
});
