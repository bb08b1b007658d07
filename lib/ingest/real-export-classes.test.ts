/**
 * Failure classes found by importing real exports (test/importer/real-corpus.test.ts), each shown
 * by a small synthetic file built here, so the rule is pinned independently of those files.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, test } from "vitest";
import type { Question } from "@/lib/schema/question";
import { ingestBytes } from "./ingest.fixtures";
import { inferOrder } from "./scales";

const csvLines = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n") + "\n";

async function model(input: string | Uint8Array, fileName: string) {
  const { result } = await ingestBytes(input, { fileName });
  const find = (pred: (q: Question) => boolean, what: string): Question => {
    const q = result.questions.find(pred);
    if (!q) throw new Error(`no question ${what} in ${result.questions.map((x) => x.id).join(", ")}`);
    return q;
  };
  const onHeader = (header: string) => {
    const col = result.columns.find((c) => c.headers[0] === header)!.name;
    return find((q) => q.columns.includes(col), `reading ${header}`);
  };
  return { result, find, onHeader };
}

describe("Typeform checklists headed by their options", () => {
  // 8 respondents; "Tablet" never ticked (inside the run), "Nothing" (the closing none option)
  // never ticked; then a second checklist right after it, then its "Other" write-in
  const header = ["#", "Phone", "Tablet", "Laptop", "Nothing", "Red", "Blue", "Other", "Age?", "Submit Date (UTC)", "Network ID"];
  const rows = Array.from({ length: 8 }, (_, i) => [`t${i}`, i % 2 ? "Phone" : "", "", i % 3 ? "Laptop" : "", "", i < 5 ? "Red" : "", i >= 3 ? "Blue" : "", i === 7 ? "Green" : "", String(20 + i), "2024-01-01 10:00:00", `n${i}`]);
  const file = csvLines([header, ...rows]);

  test("a never-ticked option stays an option, and a 'none' option closes the checklist", async () => {
    const { onHeader } = await model(file, "typeform.csv");
    const devices = onHeader("Phone");
    expect(devices.type).toBe("multi");
    expect(devices.options.map((o) => [o.label, o.count])).toEqual([["Phone", 4], ["Tablet", 0], ["Laptop", 5], ["Nothing", 0]]);
    const colours = onHeader("Red");
    expect(colours.id).not.toBe(devices.id);
    expect(colours.options.map((o) => [o.label, o.count])).toEqual([["Red", 5], ["Blue", 5]]);
    expect(colours.answered).toBe(8);
  });

  test("the 'Other' column is the write-in of the question before it", async () => {
    const { onHeader } = await model(file, "typeform.csv");
    const other = onHeader("Other");
    expect(other.type).toBe("text");
    expect(other.group).toBe(onHeader("Red").id);
  });
});

describe("Typeform checklists whose first option nobody ticked", () => {
  // "Did you like it?" (nobody answered), then a checklist whose first option "Facebook" nobody
  // ticked, its write-in; then "Nothing" (a none option nobody ticked) before a second checklist
  const header = ["#", "Did you like it?", "Facebook", "Youtube", "Instagram", "Other", "Nothing", "Red", "Blue", "Submit Date (UTC)", "Network ID"];
  const rows = Array.from({ length: 6 }, (_, i) => [`t${i}`, "", "", i % 2 ? "Youtube" : "", i < 3 ? "Instagram" : "", i === 5 ? "TikTok" : "", "", i < 4 ? "Red" : "", i > 1 ? "Blue" : "", "2024-01-01 10:00:00", `n${i}`]);
  const file = csvLines([header, ...rows]);

  test("the never-ticked first option opens the checklist (it does not start one column late)", async () => {
    const { onHeader } = await model(file, "typeform.csv");
    const q = onHeader("Facebook");
    expect(q.type).toBe("multi");
    expect(q).toBe(onHeader("Youtube"));
    expect(q.options.map((o) => [o.label, o.count])).toEqual([["Facebook", 0], ["Youtube", 3], ["Instagram", 3]]);
    expect(q.answered).toBe(5);
    expect(onHeader("Other")).toMatchObject({ type: "text", group: q.id });
  });

  test("an unanswered question before it, and a closing 'none' option of the one before, stay out", async () => {
    const { onHeader } = await model(file, "typeform.csv");
    expect(onHeader("Did you like it?").type).not.toBe("multi");
    const colours = onHeader("Red");
    expect(colours.options.map((o) => o.label)).toEqual(["Red", "Blue"]);
    expect(onHeader("Nothing").id).not.toBe(colours.id);
  });
});

describe("plain files with a checklist flattened to one column per option", () => {
  test("columns each holding only their own header text are one multi-select, and the free-text Other is its write-in", async () => {
    const header = ["Country", "Lack of time", "Costs", "Unsure about copyright", "Other", "Score"];
    const rows = Array.from({ length: 12 }, (_, i) => [["DE", "US", "FR"][i % 3], i % 2 ? "Lack of time" : "", i % 3 ? "" : "Costs", i % 4 ? "Unsure about copyright" : "", i === 5 ? "no budget at all" : "", String(i % 10)]);
    const { result, onHeader } = await model(csvLines([header, ...rows]), "plain.csv");
    expect(result.format).toBe("microdata");
    const q = onHeader("Costs");
    expect(q.type).toBe("multi");
    expect(q.options.map((o) => [o.label, o.count])).toEqual([["Lack of time", 6], ["Costs", 4], ["Unsure about copyright", 9]]);
    expect(q.answered).toBe(10); // rows 4 and 8 tick none
    expect(onHeader("Other")).toMatchObject({ type: "text", group: q.id });
  });
});

describe("LimeSurvey R-export headings", () => {
  // Dutch timing columns (`Totaaltijd`, `Groep.tijd..g`, `Vraag.tijd..<code>`) name every question;
  // `extra_v1…v3` are one question's sub-questions (free texts, a different one per column)
  const header = ["id", "submitdate", "lastpage", "startlanguage", "mood", "extra_v1", "extra_v2", "extra_v3", "pick_a", "pick_b", "Totaaltijd", "Groep.tijd..g", "Vraag.tijd..mood", "Vraag.tijd..extra", "Vraag.tijd..pick"];
  const rows = [
    ["1", "2024-01-01", "1", "nl", "good", "why not", "", "", "Y", "", "30.1", "30.1", "", "", ""],
    ["2", "2024-01-02", "1", "nl", "bad", "", "because", "", "", "Y", "12.5", "12.5", "", "", ""],
    ["3", "", "0", "nl", "", "", "", "", "", "", "3", "", "", "", ""],
  ];
  const file = csvLines([header, ...rows]);

  test("timing columns in any language are metadata", async () => {
    const { onHeader } = await model(file, "ls.csv");
    for (const h of ["Totaaltijd", "Groep.tijd..g", "Vraag.tijd..mood", "Vraag.tijd..extra"]) expect(onHeader(h).type).toBe("metadata");
  });

  test("sub-questions under one timing code are one block, and free texts there are no multi-select", async () => {
    const { onHeader } = await model(file, "ls.csv");
    const subs = ["extra_v1", "extra_v2", "extra_v3"].map(onHeader);
    expect(subs.every((q) => q.type !== "multi" && q.columns.length === 1)).toBe(true);
    expect(new Set(subs.map((q) => q.group))).toEqual(new Set(["extra"]));
    expect(onHeader("pick_a")).toMatchObject({ type: "multi" });
  });

  test("full-text headings: write-ins join their question, equations and uploads are metadata, a dual-scale array is one block", async () => {
    const fullHeader = ["Response ID", "Date submitted", "Last page", "Start language", "Gender?", "Gender? [Other]", "{if(age > 65, 1, 0)}", "Photo", "filecount - Photo", "Rate [Speed][Scale 1]", "Rate [Speed][Scale 2]", "Rate [Price][Scale 1]", "Rate [Price][Scale 2]"];
    const fullRows = [
      ["1", "2024-01-01", "2", "en", "man", "", "0", '[{ "title":"x" }]', "1", "3", "4", "2", "5"],
      ["2", "2024-01-01", "2", "en", "-oth-", "fluid", "1", "", "0", "4", "4", "3", "3"],
      ["3", "2024-01-02", "2", "en", "woman", "", "0", "", "0", "5", "2", "1", "4"],
    ];
    const { onHeader } = await model(csvLines([fullHeader, ...fullRows]), "ls-full.csv");
    expect(onHeader("Gender? [Other]").group).toBe(onHeader("Gender?").group);
    expect(onHeader("Gender?").group).toBeDefined();
    for (const h of ["{if(age > 65, 1, 0)}", "Photo", "filecount - Photo"]) expect(onHeader(h).type).toBe("metadata");
    const rows4 = ["Rate [Speed][Scale 1]", "Rate [Speed][Scale 2]", "Rate [Price][Scale 1]", "Rate [Price][Scale 2]"].map(onHeader);
    expect(new Set(rows4.map((q) => q.grid?.id ?? q.group)).size).toBe(1);
  });
});

describe("SurveyCTO / ODK attachments", () => {
  test("columns holding exported files (media\\…) are metadata, not text questions", async () => {
    const header = ["SubmissionDate", "consent", "age", "stream_light", "photo", "instanceID", "formdef_version", "KEY"];
    const rows = Array.from({ length: 4 }, (_, i) => [`Sep 18, 2018 12:1${i}:00 PM`, "1", String(30 + i), `media\\LL_${i}abc_PERIOD_1.csv`, i % 2 ? `media\\cat-${i}.jpg` : "", `uuid:${i}`, "1809181155", `uuid:${i}`]);
    const { onHeader } = await model(csvLines([header, ...rows]), "scto_WIDE.csv");
    expect(onHeader("stream_light").type).toBe("metadata");
    expect(onHeader("photo").type).toBe("metadata");
    expect(onHeader("age").type).not.toBe("metadata");
  });
});

describe("KoboToolbox select_multiple with another group separator", () => {
  test("`q.opt` 0/1 columns after the joined `q` are one multi-select", async () => {
    const header = ["start", "g.reason", "g.reason.work", "g.reason.school", "g.reason.safety", "_uuid", "_submission_time"];
    const rows = [
      ["2024-01-01", "work school", "1", "1", "0", "u1", "2024-01-01"],
      ["2024-01-02", "school", "0", "1", "0", "u2", "2024-01-02"],
      ["2024-01-03", "safety", "0", "0", "1", "u3", "2024-01-03"],
    ];
    const { result, onHeader } = await model(csvLines([header, ...rows]), "kobo.csv");
    const q = onHeader("g.reason.work");
    expect(q.type).toBe("multi");
    expect(q.options.map((o) => [o.label, o.count])).toEqual([["work", 1], ["school", 2], ["safety", 1]]);
    expect(result.questions.filter((x) => x.label.startsWith("g.reason") || x.id.startsWith("g.reason"))).toHaveLength(1);
  });
});

describe("age and money bands in other languages", () => {
  test.each([
    [["Entre 26 et 35 ans", "Entre 51 et 75 ans", "Entre 18 et 25 ans", "Entre 36 et 50 ans"], ["Entre 18 et 25 ans", "Entre 26 et 35 ans", "Entre 36 et 50 ans", "Entre 51 et 75 ans"]],
    [["Zwischen 30 und 59 Jahren", "Unter 18", "60 Jahre und älter", "Zwischen 18 und 29 Jahren"], ["Unter 18", "Zwischen 18 und 29 Jahren", "Zwischen 30 und 59 Jahren", "60 Jahre und älter"]],
    [["Tussen 25 en 34 jaar", "Tussen 18 en 24 jaar", "Tussen 35 en 44 jaar"], ["Tussen 18 en 24 jaar", "Tussen 25 en 34 jaar", "Tussen 35 en 44 jaar"]],
  ])("%j is ordered by its lower bounds", (labels, order) => {
    expect(inferOrder(labels)).toMatchObject({ order, basis: "range" });
  });
});

describe("xlsx: the workbook's first tab", () => {
  test("is imported even when the zip stores another sheet's part first", async () => {
    const wb = new ExcelJS.Workbook();
    const main = wb.addWorksheet("Main");
    main.addRow(["start", "q1", "_uuid", "_submission_time"]);
    for (let i = 0; i < 5; i++) main.addRow(["2024-01-01", ["a", "b"][i % 2], `u${i}`, "2024-01-01"]);
    const repeat = wb.addWorksheet("members");
    repeat.addRow(["members.age", "_index", "_parent_index"]);
    for (let i = 0; i < 12; i++) repeat.addRow([20 + i, i + 1, (i % 5) + 1]);
    const written = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    // rewrite the zip as the KoboToolbox export was stored: the workbook and shared strings first,
    // then sheet2.xml (the repeat group) before sheet1.xml (the main sheet)
    const sheets = ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet1.xml"];
    const names = [...Object.keys(written.files).filter((n) => !sheets.includes(n)), ...sheets];
    const reordered = new JSZip();
    for (const name of names) if (!written.files[name].dir) reordered.file(name, await written.files[name].async("uint8array"));
    const bytes = await reordered.generateAsync({ type: "uint8array" });
    const { result } = await ingestBytes(bytes, { fileName: "kobo.xlsx" });
    expect(result.respondents).toBe(5);
    expect(result.columns.map((c) => c.headers[0])).toEqual(["start", "q1", "_uuid", "_submission_time"]);
  });
});
