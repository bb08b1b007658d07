import path from "node:path";
import { describe, expect, test } from "vitest";
import type { Question } from "@/lib/schema/question";
import { gridGroupId } from "./grid";
import { ingestFile } from "./ingest-file";
import { createMemorySink } from "./memory-sink";
import { ingestBytes } from "./ingest.fixtures";

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n") + "\n";

async function questions(text: string, format?: "google-forms" | "microdata") {
  const { result } = await ingestBytes(text, format ? { format } : {});
  return { result, byLabel: (label: string): Question => result.questions.find((q) => q.label === label)! };
}

const STAMPS = ["2019/05/01 10:00:00", "2019/05/01 10:05:00", "2019/05/01 10:10:00", "2019/05/01 10:15:00", "2019/05/01 10:20:00", "2019/05/01 10:25:00"];
const SCALE = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"];

describe("Google Forms grids (`Question text [Row]`)", () => {
  test("Likert grid rows: one group id from the prefix, labels kept, ordinal with one option order", async () => {
    const speed = ["Satisfied", "Very satisfied", "Neutral", "Satisfied", "Dissatisfied", "Very dissatisfied"];
    const price = ["Neutral", "Satisfied", "Satisfied", "Very satisfied", "", "Neutral"]; // no "dissatisfied" answers
    const rows = [["Timestamp", "How satisfied are you with [Speed]", "How satisfied are you with [Price]", "Comments"]];
    STAMPS.forEach((t, i) => rows.push([t, speed[i], price[i], `comment ${i}`]));
    const { result, byLabel } = await questions(csv(rows));
    expect(result.format).toBe("google-forms");
    const s = byLabel("How satisfied are you with [Speed]");
    const p = byLabel("How satisfied are you with [Price]");
    expect(s).toMatchObject({ type: "ordinal", group: "How_satisfied_are_you_with", answered: 6 });
    expect(p).toMatchObject({ type: "ordinal", group: "How_satisfied_are_you_with", answered: 5 });
    expect(s.options.map((o) => o.code)).toEqual(SCALE);
    expect(p.options.map((o) => [o.code, o.count])).toEqual([
      ["Very dissatisfied", 0],
      ["Dissatisfied", 0],
      ["Neutral", 2],
      ["Satisfied", 2],
      ["Very satisfied", 1],
    ]);
    expect(byLabel("Comments").group).toBeUndefined();
  });

  test("rows whose levels are no ordered scale keep their own single choices, grouped", async () => {
    const rows = [["Timestamp", "Favourite colour [Car]", "Favourite colour [House]"]];
    STAMPS.forEach((t, i) => rows.push([t, ["red", "blue", "red", "green", "blue", "red"][i], ["white", "white", "blue", "white", "blue", "white"][i]]));
    const { byLabel } = await questions(csv(rows));
    expect(byLabel("Favourite colour [Car]")).toMatchObject({ type: "single", group: "Favourite_colour" });
    expect(byLabel("Favourite colour [House]")).toMatchObject({ type: "single", group: "Favourite_colour" });
  });

  test("one column per checkbox option (option text or empty) stays one multi-select, not a grid", async () => {
    const rows = [["Timestamp", "Which tools do you use? [Excel]", "Which tools do you use? [Python]", "Which tools do you use? [SPSS]"]];
    STAMPS.forEach((t, i) => rows.push([t, i % 2 ? "Excel" : "", i < 4 ? "Python" : "", i === 0 ? "SPSS" : ""]));
    const { result } = await questions(csv(rows));
    const multi = result.questions.filter((q) => q.type === "multi");
    expect(multi).toHaveLength(1);
    expect(multi[0]).toMatchObject({ id: "Which_tools_do_you_use", multi: { layout: "columns" } });
    expect(multi[0].options.map((o) => [o.label, o.count])).toEqual([
      ["Excel", 3],
      ["Python", 4],
      ["SPSS", 1],
    ]);
  });

  test("microdata: ≥ 2 columns sharing the prefix form a grid; integer rows share one numeric scale", async () => {
    const text = csv([
      ["id", "Rate us [Speed]", "Rate us [Price]", "Lonely [Row]"],
      ["1", "1", "3", "a"],
      ["2", "2", "3", "b"],
      ["3", "5", "4", "a"],
      ["4", "4", "3", "b"],
      ["5", "5", "4", "a"],
    ]);
    const { result, byLabel } = await questions(text, "microdata");
    expect(result.format).toBe("microdata");
    const speed = byLabel("Rate us [Speed]");
    const price = byLabel("Rate us [Price]");
    expect(speed).toMatchObject({ type: "ordinal", group: "Rate_us" });
    expect(price).toMatchObject({ type: "ordinal", group: "Rate_us" }); // alone, 3-4 would read as a plain single choice
    expect(speed.options.map((o) => o.code)).toEqual(["1", "2", "3", "4", "5"]);
    expect(price.options.map((o) => [o.code, o.count])).toEqual([
      ["1", 0],
      ["2", 0],
      ["3", 3],
      ["4", 2],
      ["5", 0],
    ]);
    expect(byLabel("Lonely [Row]").group).toBeUndefined();
  });

  test("group ids: sanitized prefix, fingerprinted when too long, positional when the prefix is empty", () => {
    expect(gridGroupId("How satisfied are you with:", "x")).toBe("How_satisfied_are_you_with");
    expect(gridGroupId("", "block10")).toBe("block10");
    const a = gridGroupId(`${"How much do you agree with each of the following statements about ".repeat(2)}2019`, "x");
    const b = gridGroupId(`${"How much do you agree with each of the following statements about ".repeat(2)}2020`, "x");
    expect(Array.from(a)).toHaveLength(64);
    expect(a).not.toBe(b);
    expect(a.slice(0, 54)).toBe(b.slice(0, 54));
  });
});

describe("Thai developer survey 2019: the `[ASP .net]` … `[SQL]` columns are a tick-box grid", () => {
  // Verified with Python's csv module: columns 9-38 are headed `[Language]` with no question text;
  // each cell is empty, ระดับพื้นฐาน (basic), ระดับชำนาญ ทำงานได้อย่างคล่องแคล่ว (proficient) or both
  // joined by ";" — a level per language, not the language's name, so a grid, not a checkbox list.
  // [ASP .net]: "" 2034, basic 263, proficient 87, both 5; [HTML/CSS]: "" 721, proficient 827,
  // basic 821, both 20; [Haskell]: "" 2161, basic 205, proficient 23 (nobody ticked both).
  const BASIC = "ระดับพื้นฐาน";
  const PRO = "ระดับชำนาญ ทำงานได้อย่างคล่องแคล่ว";

  test("30 language rows in one group, each a ';' multi-select of the same two levels", async () => {
    const file = path.resolve(__dirname, "../../test/fixtures/datasets/vendor-exports/google-forms/thai-developer-survey-2019.csv");
    const result = await ingestFile(file, createMemorySink(0));
    const rows = result.questions.filter((q) => q.label.startsWith("["));
    expect(rows).toHaveLength(30);
    expect(rows[0].label).toBe("[ASP .net]");
    expect(rows[29].label).toBe("[SQL]");
    for (const q of rows) {
      expect(q, q.label).toMatchObject({ type: "multi", group: "block10", multi: { layout: "delimited", delimiter: ";" } });
      expect(q.options.map((o) => o.code)).toEqual([BASIC, PRO]);
    }
    const counts = (label: string) => rows.find((q) => q.label === label)!.options.map((o) => o.count);
    expect(counts("[ASP .net]")).toEqual([263 + 5, 87 + 5]);
    expect(counts("[HTML/CSS]")).toEqual([821 + 20, 827 + 20]);
    expect(counts("[Haskell]")).toEqual([205, 23]);
    expect(rows.find((q) => q.label === "[ASP .net]")!.answered).toBe(263 + 87 + 5);
    // the question after the grid is not part of it
    expect(result.questions.find((q) => q.label.startsWith("ภาษาเขียนโปรแกรมอื่นที่ใช้"))!.group).toBeUndefined();
  });
});
