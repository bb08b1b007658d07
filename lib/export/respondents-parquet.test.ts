import { describe, expect, test } from "vitest";
import { respondentColumns } from "./respondent-columns";
import { ABOUT, HEADER, QUESTIONS, ROWS } from "./respondents.fixtures";
import { parquetNames, parquetTable } from "./respondents-parquet";

describe("parquetTable: the typed table and metadata a Parquet writer takes", () => {
  const table = parquetTable(respondentColumns(QUESTIONS), ROWS, ABOUT);

  test("numeric questions DOUBLE, the rest VARCHAR, under the CSV header", () => {
    expect(table.columns).toEqual(HEADER.map((name) => ({ name, type: name === "age" || name === "weight" ? "DOUBLE" : "VARCHAR" })));
  });

  test("numbers as numbers; missing and suppressed cells null in every column; text as it is (no spreadsheet escaping)", () => {
    expect(table.rows).toEqual([
      ["North", 34, "5", "=1+2", "Selected", null, 1.25],
      ["South", 41.5, "1", 'said "fine"\nthen left', null, "Selected", 0.8],
      [null, null, null, null, "Selected", "Selected", 1],
      ["North", null, "5", "bell\u0007here", null, null, 0.95],
      ["South", -99, "1", null, "Selected", null, 1],
    ]);
  });

  test("the export's facts as surveyscope.* key/value metadata, and the columns' question texts", () => {
    expect(table.metadata).toMatchObject({
      "surveyscope.dataset": 'Staff survey "2026"',
      "surveyscope.dataset_version": "3",
      "surveyscope.filters": '{"region":["North","South"],"satisfaction":["1","5"]}',
      "surveyscope.k": "5",
      "surveyscope.quasi_identifiers": '["region","age"]',
      "surveyscope.filter_columns_protected": "true",
      "surveyscope.suppressed_cells": "2",
      "surveyscope.suppressed_as": "null",
      "surveyscope.rows": "5",
      "surveyscope.truncated": "false",
      "surveyscope.row_cap": "10000",
      "surveyscope.generated_at": "2026-05-17T09:30:00.000Z",
    });
    const columns = JSON.parse(table.metadata["surveyscope.columns"]) as { name: string; question: string; label: string; type: string; missingCodes: string[] }[];
    expect(columns.map((c) => c.name)).toEqual(HEADER);
    expect(columns[1]).toEqual({ name: "age", question: "age", label: "Age in years", type: "numeric", missingCodes: ["-99"] });
    expect(columns[5]).toMatchObject({ name: "tools: CI secrets", question: "tools", label: "Tools used: CI secrets" });
  });

  test("a numeric question with a stray text answer stays VARCHAR, nothing lost", () => {
    const t = parquetTable(respondentColumns(QUESTIONS), ROWS.map((r, i) => (i === 0 ? ["North", "n/a", ...r.slice(2)] : r)), ABOUT);
    expect(t.columns[1]).toEqual({ name: "age", type: "VARCHAR" });
    expect(t.rows.map((r) => r[1])).toEqual(["n/a", "41.5", null, null, "-99"]);
  });

  test("a ragged row is refused", () => {
    expect(() => parquetTable(respondentColumns(QUESTIONS), [["North"]], ABOUT)).toThrow(/expected 7/);
  });
});

describe("parquetNames", () => {
  test("controls removed, never empty, unique ignoring case", () => {
    expect(parquetNames(["age", "Age", "", "a\u202Eb", "x\ty", "age"])).toEqual(["age", "Age (2)", "column 3", "ab", "x y", "age (3)"]);
  });
});
