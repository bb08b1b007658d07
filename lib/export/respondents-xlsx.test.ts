import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { respondentColumns } from "./respondent-columns";
import { ABOUT, HEADER, QUESTIONS, ROWS } from "./respondents.fixtures";
import { rowsToXlsx, XLSX_CELL_MAX, XLSX_SUPPRESSED_AS } from "./respondents-xlsx";

/** read the workbook back with exceljs's reader (not the streaming writer that made it) */
async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** a sheet as arrays of cell values, columns 1…width */
function values(ws: ExcelJS.Worksheet, width: number): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => out.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null)));
  return out;
}

describe("rowsToXlsx: the respondent segment as a workbook", async () => {
  const bytes = await rowsToXlsx(respondentColumns(QUESTIONS), ROWS, { about: ABOUT });
  const wb = await load(bytes);

  test("two sheets: the rows, then About this export", () => {
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Respondents", "About this export"]);
  });

  test("the CSV header, then one row per respondent: numeric questions as numbers, the rest as text, missing cells empty", () => {
    const rows = values(wb.getWorksheet("Respondents")!, HEADER.length);
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(ROWS.length + 1);
    expect(rows[1]).toEqual(["North", 34, "5", "'=1+2", "Selected", null, 1.25]);
    expect(rows[2]).toEqual(["South", 41.5, "1", 'said "fine"\nthen left', null, "Selected", 0.8]);
    // suppressed: "*" in a text column, empty in a number column
    expect(rows[3]).toEqual(["*", null, null, null, "Selected", "Selected", 1]);
    // a control character XML cannot hold becomes U+FFFD; a missing code stays the number it is
    expect(rows[4]).toEqual(["North", null, "5", "bell\ufffdhere", null, null, 0.95]);
    expect(rows[5]).toEqual(["South", -99, "1", "*", "Selected", null, 1]);
  });

  test("no cell is a formula, the header is bold and frozen", () => {
    const ws = wb.getWorksheet("Respondents")!;
    ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  test("About this export: dataset, filters applied, k, cells suppressed, rows, truncated, generated at", () => {
    const about = new Map(values(wb.getWorksheet("About this export")!, 2).map(([label, value]) => [label, value]));
    expect(about.get("Dataset")).toBe('Staff survey "2026"');
    expect(about.get("Dataset version")).toBe(3);
    expect(about.get("Filters applied")).toBe("region: North | South; satisfaction: 1 | 5");
    expect(about.get("k-anonymity k")).toBe(5);
    expect(about.get("Quasi-identifiers protected")).toBe("region, age");
    expect(about.get("Filter columns (not exported) protected as quasi-identifiers")).toBe("yes");
    expect(about.get("Cells suppressed")).toBe(2);
    expect(about.get("Suppressed cells are written as")).toBe(XLSX_SUPPRESSED_AS);
    expect(about.get("Rows")).toBe(5);
    expect(about.get("Truncated at the row cap")).toBe("no");
    expect(about.get("Row cap of your role")).toBe(10_000);
    expect(about.get("Generated at (UTC)")).toBe("2026-05-17T09:30:00.000Z");
  });

  test("About this export lists every column with its question text and how it is written", () => {
    const rows = values(wb.getWorksheet("About this export")!, 5);
    const head = rows.findIndex((r) => r[0] === "Column");
    expect(rows[head]).toEqual(["Column", "Question", "Question type", "Written as", "Missing codes"]);
    expect(rows.slice(head + 1)).toEqual([
      ["region", "Region", "single", "text", null],
      ["age", "Age in years", "numeric", "number", "-99"],
      ["satisfaction", "How satisfied are you?", "ordinal", "text", null],
      ["comment", "Anything else?", "text", "text", null],
      ["tools: Vault", "Tools used: Vault", "multi", "text", null],
      ["tools: CI secrets", "Tools used: CI secrets", "multi", "text", null],
      ["weight", "Weight", "weight", "number", null],
    ]);
  });

  test("no filters read as none; a truncated export says so", async () => {
    const wb2 = await load(await rowsToXlsx(respondentColumns(QUESTIONS), ROWS, { about: { ...ABOUT, filters: {}, truncated: true, quasiIdentifiers: [] } }));
    const about = new Map(values(wb2.getWorksheet("About this export")!, 2).map(([label, value]) => [label, value]));
    expect(about.get("Filters applied")).toBe("none");
    expect(about.get("Quasi-identifiers protected")).toBe("none");
    expect(about.get("Truncated at the row cap")).toBe("yes");
  });

  test("a numeric question with a stray text answer stays text (nothing lost); an over-long answer is cut at Excel's limit and counted", async () => {
    const rows = ROWS.map((r, i) => r.map((c, j) => (i === 0 && j === 1 ? "n/a" : i === 1 && j === 3 ? "x".repeat(XLSX_CELL_MAX + 5) : c)));
    const wb2 = await load(await rowsToXlsx(respondentColumns(QUESTIONS), rows, { about: ABOUT }));
    const data = values(wb2.getWorksheet("Respondents")!, HEADER.length);
    expect(data[1][1]).toBe("n/a");
    expect(data[2][1]).toBe("41.5");
    expect((data[2][3] as string).length).toBe(XLSX_CELL_MAX);
    const about = new Map(values(wb2.getWorksheet("About this export")!, 2).map(([label, value]) => [label, value]));
    expect(about.get("Text cells cut at Excel's 32,767-character limit")).toBe(1);
  });

  test("a ragged row is refused", async () => {
    await expect(rowsToXlsx(respondentColumns(QUESTIONS), [["North"]], { about: ABOUT })).rejects.toThrow(/expected 7/);
  });
});
