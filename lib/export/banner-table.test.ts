import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { bannerResultSchema, type BannerResult } from "@/lib/schema/banner";
import { likertWithNonSubstantive } from "@/lib/analysis/banner-chart-data.fixtures";
import { bannerToCsv, bannerToGrid, bannerToXlsx } from "./banner-table";

const col = (id: string, segment: string | null, level: string | null, label: string, letter: string, n: number | null, lowBase = false) => ({
  id,
  segment,
  segmentLabel: segment === null ? null : segment === "g" ? "=Guardrails" : "Size",
  level,
  label,
  letter,
  n,
  weightedN: n,
  effectiveN: n,
  lowBase,
  hidden: n === null ? "< 5" : null,
});
const cell = (columnId: string, value: number | null, letters = "") => ({ columnId, value, ci: value === null ? null : ([value - 0.05, value + 0.05] as [number, number]), count: value === null ? null : 10, hidden: value === null ? "< 5" : null, letters });

const RESULT: BannerResult = bannerResultSchema.parse({
  outcome: { id: "rolled_back", label: "Rolled back?", type: "single" },
  statistic: "proportion",
  weighted: true,
  weighting: { weight: "weight", source: "request" },
  conf_level: 0.95,
  sig: "holm",
  columns: [col("total", null, null, "Total", "", 200), col("g0c0", "g", "E", "Early", "A", 80, true), col("g0c1", "g", "M", "Mature", "B", 120), col("g1c0", "s", "S", "Small", "A", null)],
  rows: [
    { id: "r0", codes: ["Yes"], label: "@Yes", kind: "option", cells: [cell("total", 0.7), cell("g0c0", 0.6), cell("g0c1", 0.8, "A"), cell("g1c0", null)] },
    { id: "r1", codes: ["No"], label: "No", kind: "option", cells: [cell("total", 0.3), cell("g0c0", 0.4, "b"), cell("g0c1", 0.2), cell("g1c0", null)] },
  ],
  tests: [{ segment: "g", test: "Rao–Scott F", statistic: 7.5, p: 0.006 }],
  notes: ["Weighted by weight."],
  disclosure: { k: 5, suppressedCells: 2 },
  dataset: { id: "demo", version: 1 },
});

describe("banner export", () => {
  test("XLSX: numbers as numbers, letters under the values, bases, hidden cells, notes, formula-safe", async () => {
    const buf = await bannerToXlsx(bannerToGrid(RESULT, { source: "Demo, version 1" }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (r, i) => (rows[i] = (r.values as unknown[]).slice(1)));
    const find = (label: string) => rows.findIndex((r) => typeof r?.[0] === "string" && r[0] === label);
    const header = rows[5].map((v) => String(v ?? ""));
    expect(header).toEqual(["", "Total", "Early (A)", "Mature (B)", "Small (A)"]);
    // a group label that looks like a formula is neutralised
    expect(rows[4][2]).toBe("'=Guardrails");
    expect(ws.getCell(4, 3).isMerged).toBe(true);
    const base = find("Base (n)");
    expect(rows[base].slice(1)).toEqual([200, 80, 120, "< 5"]);
    const yes = rows.findIndex((r) => typeof r?.[0] === "string" && (r[0] as string).includes("@Yes"));
    expect(rows[yes][0]).toBe("'@Yes");
    expect(rows[yes].slice(1)).toEqual([0.7, 0.6, 0.8, "< 5"]);
    expect(ws.getCell(yes, 2).numFmt).toBe("0.0%");
    expect(rows[yes + 1].slice(1, 4)).toEqual(["", "", "A"]);
    expect(rows[find("No") + 1][2]).toBe("b");
    // low-base column shaded
    expect((ws.getCell(yes, 3).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe("FFFEF3C7");
    const notes = rows.filter((r) => typeof r?.[0] === "string" && (r[0] as string).startsWith("Note:")).map((r) => r[0] as string);
    expect(notes.some((n) => n.includes("Rao–Scott F 7.50, p = 0.006"))).toBe(true);
  });

  test("CSV: rectangular, formatted text, formula-safe", () => {
    const csv = bannerToCsv(bannerToGrid(RESULT, { source: "Demo" }));
    const records = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    const widths = new Set(records.map((r) => r.length));
    expect(widths.size).toBe(1);
    expect(csv).toContain("70.0%");
    expect(csv).toContain("< 5");
    for (const r of records) for (const f of r) expect(f).not.toMatch(/^[=+@-]|[\u2066-\u2069]/);
  });

  test("answers out of the base: after a divider row, labelled, in CSV and XLSX alike", async () => {
    const grid = bannerToGrid(likertWithNonSubstantive, { source: "Demo" });
    const labels = grid.rows.filter((r) => r.kind !== "letters").map((r) => r.cells[0].text);
    const divider = labels.findIndex((l) => l.startsWith("Not in the base"));
    expect(divider).toBeGreaterThan(labels.indexOf("Strongly agree"));
    expect(labels.slice(divider + 1)).toEqual(["Don't know (not in the base)", "Prefer not to say (not in the base)"]);
    const csv = bannerToCsv(grid);
    expect(csv).toContain("Don't know (not in the base),12.5%");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bannerToXlsx(grid)) as unknown as ArrayBuffer);
    const first: string[] = [];
    wb.worksheets[0].eachRow((r) => first.push(String((r.values as unknown[])[1] ?? "")));
    expect(first.indexOf("Prefer not to say (not in the base)")).toBeGreaterThan(first.findIndex((l) => l.startsWith("Not in the base")));
  });
});
