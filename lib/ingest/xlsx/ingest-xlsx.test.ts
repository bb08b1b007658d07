import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { createMemorySink, ingest, IngestError } from "@/lib/ingest";
import { cellText } from "./cell-text";
import { xlsxLimits } from "./ingest-xlsx";

let workbook: Uint8Array;

beforeAll(async () => {
  xlsxLimits.stallMs = 300;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Form1");
  ws.addRow(["ID", "Start time", "Completion time", "Email", "Name", "How satisfied are you?", "Age", "Comments"]);
  for (let i = 1; i <= 300; i++) {
    const start = new Date(Date.UTC(2026, 0, 1 + (i % 28), 9, i % 60, 0));
    ws.addRow([i, start, new Date(start.getTime() + 90_000), "anonymous", "", ["Very satisfied", "Satisfied", "Dissatisfied"][i % 3], 20 + (i % 40), i % 5 ? "" : `note ${i}`]);
  }
  ws.getColumn(2).numFmt = "m/d/yy h:mm:ss";
  ws.getColumn(3).numFmt = "m/d/yy h:mm:ss";
  wb.addWorksheet("Second").addRow(["not", "imported"]);
  workbook = new Uint8Array(await wb.xlsx.writeBuffer());
});

async function* chunks(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** the import's result or error, failing the test if it neither settles within 10 s */
async function outcome(bytes: Uint8Array, size = 4096) {
  const sink = createMemorySink();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("import hung")), 10_000);
  });
  try {
    return { result: await Promise.race([ingest(chunks(bytes, size), sink, { fileName: "f.xlsx" }), hang]), sink };
  } catch (e) {
    if (e instanceof Error && e.message === "import hung") throw e;
    return { error: e };
  } finally {
    clearTimeout(timer);
  }
}

describe("xlsx import", () => {
  test("the first sheet's rows, dates as ISO text and numbers as their shortest text", async () => {
    const { result, sink } = await outcome(workbook);
    expect(result?.respondents).toBe(300);
    expect(sink?.columns?.map((c) => c.headers[0])).toEqual(["ID", "Start time", "Completion time", "Email", "Name", "How satisfied are you?", "Age", "Comments"]);
    expect(sink?.rows[0]).toEqual(["1", "2026-01-02 09:01:00", "2026-01-02 09:02:30", "anonymous", "", "Satisfied", "21", ""]);
    const q = result!.questions;
    expect(q.find((x) => x.id === "Start_time")?.type).toBe("date");
    expect(q.find((x) => x.id === "Age")?.type).toBe("numeric");
  });

  test("cut short anywhere: a located IngestError, never an internal one, never a hang", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: workbook.length - 1 }), async (cut) => {
        const { error, result } = await outcome(workbook.subarray(0, cut));
        if (!error) {
          // the central directory (after every entry) is not needed to stream the rows
          expect(result?.respondents).toBe(300);
          return;
        }
        expect(error).toBeInstanceOf(IngestError);
        const e = error as IngestError;
        expect(e.code).not.toBe("internal");
        expect(e.issues[0]).toBeDefined();
      }),
      { numRuns: 30, seed: 18 },
    );
  }, 120_000);

  test("bytes overwritten: an import or a located IngestError, never an internal one", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: workbook.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 6 }), async (edits) => {
        const copy = workbook.slice();
        for (const [at, v] of edits) copy[at] = v;
        const { error } = await outcome(copy);
        if (error === undefined) return;
        expect(error).toBeInstanceOf(IngestError);
        expect((error as IngestError).code).not.toBe("internal");
      }),
      { numRuns: 40, seed: 7 },
    );
  }, 120_000);

  test("a zip that is not a workbook is refused as binary", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("word/document.xml".padEnd(100, "\0"))]);
    const { error } = await outcome(zip);
    expect(error).toMatchObject({ code: "binary-file" });
  });
});

describe("cellText", () => {
  test.each([
    [null, ""],
    [3, "3"],
    [0.1 + 0.2, "0.30000000000000004"],
    [-0, "0"],
    [true, "TRUE"],
    [new Date(Date.UTC(2026, 2, 20)), "2026-03-20"],
    [new Date(Date.UTC(2026, 2, 20, 10, 0, 0) - 0.4), "2026-03-20 10:00:00"],
    [{ richText: [{ text: "Very " }, { text: "likely" }] }, "Very likely"],
    [{ formula: "A1*2", result: 4 }, "4"],
    [{ sharedFormula: "A1", result: "x" }, "x"],
    [{ formula: "1/0", result: { error: "#DIV/0!" } }, "#DIV/0!"],
    [{ text: "site", hyperlink: "https://x.test" }, "site"],
  ])("%o → %s", (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});
