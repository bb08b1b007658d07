import { describe, expect, test } from "vitest";
import { ingestBytes } from "./ingest.fixtures";

async function questions(csv: string) {
  const { result } = await ingestBytes(csv, { format: "microdata" });
  return new Map(result.questions.map((q) => [q.id, q]));
}

const lines = (header: string, rows: string[]) => [header, ...rows].join("\n") + "\n";

describe("question inference", () => {
  test("finds weights, ids, numbers, dates and text", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `00${i + 100},${(0.5 + i / 10).toFixed(2)},${18 + ((i * 7) % 60)},2020-01-${String((i % 28) + 1).padStart(2, "0")},note number ${i} is free text`);
    const q = await questions(lines("code,weight,age,when,comment", rows));
    expect(q.get("code")?.type).toBe("id");
    expect(q.get("weight")?.type).toBe("weight");
    expect(q.get("age")?.type).toBe("numeric");
    expect(q.get("when")?.type).toBe("date");
    expect(q.get("comment")?.type).toBe("text");
  });

  test("reads small integer scales as ordinal in numeric order and NA as missing", async () => {
    const rows = ["3", "5", "1", "NA", "2", "4", "5", "5", "NA", "1"];
    const q = (await questions(lines("rating", rows))).get("rating")!;
    expect(q.type).toBe("ordinal");
    expect(q.options.map((o) => o.code)).toEqual(["1", "2", "3", "4", "5"]);
    expect(q.missingCodes).toEqual(["NA"]);
    expect(q.answered).toBe(8);
  });

  test("orders Likert labels by the scale and other choices by count", async () => {
    const likert = ["Agree", "Strongly agree", "Disagree", "Agree", "Neither agree nor disagree", "Strongly disagree", "Agree"];
    const colour = ["red", "blue", "blue", "green", "blue", "red", "blue"];
    const q = await questions(lines("opinion,colour", likert.map((l, i) => `${l},${colour[i]}`)));
    expect(q.get("opinion")?.type).toBe("ordinal");
    expect(q.get("opinion")?.options.map((o) => o.code)).toEqual(["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]);
    expect(q.get("colour")?.options.map((o) => [o.code, o.count])).toEqual([
      ["blue", 4],
      ["red", 2],
      ["green", 1],
    ]);
  });

  test("detects semicolon-joined multi-selects with respondent counts per option", async () => {
    const rows = ["Java;Python", "JavaScript", "Python;SQL", "Java;JavaScript;SQL", "Python", "NA", "SQL;Python", "JavaScript;Python"];
    const q = (await questions(lines("langs", rows))).get("langs")!;
    expect(q).toMatchObject({ type: "multi", multi: { layout: "delimited", delimiter: ";" }, missingCodes: ["NA"], answered: 7 });
    expect(q.options.find((o) => o.code === "Java")?.count).toBe(2);
    expect(q.options.find((o) => o.code === "Python")?.count).toBe(5);
  });

  test("keeps parenthesised options with commas together in comma-joined cells", async () => {
    const long = "R Command Line (i.e., the native R terminal interface)";
    const rows = [`"Excel, ${long}"`, `"${long}, Python"`, "Excel", `"Python, Excel"`, `"${long}"`, `"Excel, Python"`];
    const q = (await questions(lines("tools", rows))).get("tools")!;
    expect(q.type).toBe("multi");
    expect(q.options.map((o) => o.code).sort()).toEqual([long, "Excel", "Python"].sort());
  });

  test("groups one-column-per-option blocks into a multi-select with a respondent base", async () => {
    const rows = ["Apple,,Not selected", "Apple,Pear,Not selected", "Not selected,Not selected,Kiwi", "NA,NA,NA"];
    const { result } = await ingestBytes(lines("q4_1,q4_2,q4_3", rows), { format: "microdata" });
    expect(result.questions).toHaveLength(1);
    expect(result.questions[0]).toMatchObject({ id: "q4", type: "multi", answered: 3, multi: { layout: "columns", uncheckedCodes: ["Not selected"] } });
    expect(result.questions[0].options.map((o) => [o.label, o.count, o.column])).toEqual([
      ["Apple", 2, "c0"],
      ["Pear", 1, "c1"],
      ["Kiwi", 1, "c2"],
    ]);
  });

  test("keeps codes with leading zeros as text, not numbers", async () => {
    const q = await questions(lines("zip", ["01234", "02134", "01234", "90210", "01234", "02134"]));
    expect(q.get("zip")?.type).not.toBe("numeric");
  });
  test("a single choice whose labels contain ', ' stays single; a real ', ' multi-select is found", async () => {
    const degree = ["Some college, no degree", "Bachelor", "Master", "Bachelor", "Some college, no degree", "Master", "Bachelor", "PhD", "Master", "Bachelor"];
    const tools = ["Excel, Python", "Excel", "Python, SPSS", "SPSS", "Excel, SPSS", "Python", "Excel, Python, SPSS", "Excel", "Python", "SPSS, Excel"];
    const q = await questions(lines("degree\ttools", degree.map((d, i) => `${d}\t${tools[i]}`)).replace(/^/, ""));
    expect(q.get("degree")?.type).toBe("single");
    expect(q.get("degree")?.options.map((o) => o.code)).toContain("Some college, no degree");
    expect(q.get("tools")).toMatchObject({ type: "multi", multi: { layout: "delimited", delimiter: ", " } });
  });

  test("counts the options of long multi-select cells (over 200 characters) too", async () => {
    const labels = Array.from({ length: 12 }, (_, i) => `A fairly long option label, number ${i + 1}`.replace(",", ""));
    const rows = Array.from({ length: 60 }, (_, r) => labels.filter((_, i) => (r * 7 + i * 3) % 5 < 2 || (r % 6 === 0 && i % 2 === 0)).join(";"));
    expect(rows.filter((c) => c.length > 200).length).toBeGreaterThan(5);
    const q = (await questions(lines("pick", rows))).get("pick")!;
    expect(q.type).toBe("multi");
    for (const label of labels) {
      expect([label, q.options.find((o) => o.code === label)?.count]).toEqual([label, rows.filter((c) => c.split(";").includes(label)).length]);
    }
  });
});
