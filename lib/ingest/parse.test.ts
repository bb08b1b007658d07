import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { detectDelimiter, detectNewline } from "./dialect-sniff";
import { ingestBytes, ingestError } from "./ingest.fixtures";

describe("array-mode parsing", () => {
  test("keeps line breaks inside quoted fields and unescapes doubled quotes", async () => {
    const { sink } = await ingestBytes('id,text\r\n1,"two\r\nlines"\r\n2,"say ""hi"""\r\n');
    expect(sink.rows).toEqual([
      ["1", "two\r\nlines"],
      ["2", 'say "hi"'],
    ]);
  });

  test("keeps __proto__ and constructor headers as plain column metadata", async () => {
    const csv = "__proto__,constructor,prototype,toString,__parsed_extra\n1,2,3,4,5\n";
    const { result, sink } = await ingestBytes(csv);
    expect(result.columns.map((c) => c.name)).toEqual(["c0", "c1", "c2", "c3", "c4"]);
    expect(result.columns.map((c) => c.headers[0])).toEqual(["__proto__", "constructor", "prototype", "toString", "__parsed_extra"]);
    expect(sink.rows).toEqual([["1", "2", "3", "4", "5"]]);
    expect(result.questions.map((q) => q.id)).toEqual(["__proto__", "constructor", "prototype", "toString", "__parsed_extra"]);
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  test("pads short rows with empty cells and warns with the line", async () => {
    const { result, sink } = await ingestBytes("a,b,c\n1,2,3\n4,5\n");
    expect(sink.rows).toEqual([
      ["1", "2", "3"],
      ["4", "5", ""],
    ]);
    expect(result.warnings[0]).toMatchObject({ code: "short-row", row: 3, byteOffset: 12 });
  });

  test("rejects a long row whose extra cell is not empty, naming line, column and byte offset", async () => {
    const err = await ingestError("a,b,c\r\n1,2,3\r\n4,5\r\n6,7,8,9\r\n\r\n10,11,12\r\n");
    expect(err.code).toBe("long-row");
    expect(err.issues[0]).toMatchObject({ row: 4, column: 4, byteOffset: 19 });
    expect(err.issues[1]).toMatchObject({ code: "short-row", row: 3 });
  });

  test("trims empty trailing cells of long rows (a trailing comma)", async () => {
    const { sink } = await ingestBytes("a,b\n1,2,\n");
    expect(sink.rows).toEqual([["1", "2"]]);
  });

  test("rejects an unterminated quoted field naming the line where it starts", async () => {
    const err = await ingestError('id,text\r\n1,ok\r\n2,"opened but never closed\r\n3,swallowed\r\n');
    expect(err.code).toBe("unterminated-quote");
    expect(err.issues[0]).toMatchObject({ row: 3 });
    expect(err.message).toBe("unterminated quoted field: starting at line 3");
  });

  test("rejects text after a closing quote but keeps a stray quote inside an unquoted field", async () => {
    const { sink } = await ingestBytes('id,text\n1,5" screen\n');
    expect(sink.rows).toEqual([["1", '5" screen']]);
    const err = await ingestError('id,text\n1,ok\n2,"quoted"trailing\n3,ok\n');
    expect(err.code).toBe("malformed-quote");
    expect(err.issues[0].row).toBe(3);
  });

  test("skips blank lines and accepts CR-only line endings without stray carriage returns", async () => {
    const { sink } = await ingestBytes("a,b\r1,2\r\r3,4\r");
    expect(sink.rows).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    const mixed = await ingestBytes("a,b\n1,2\r\n3,4\n");
    expect(mixed.sink.rows).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  test("treats an empty or whitespace-only file as having no header row", async () => {
    for (const input of ["", "\uFEFF", "\n\n  \r\n"]) {
      const err = await ingestError(input);
      expect(err.code).toBe("empty-file");
    }
  });

  test("imports a header without a newline as a dataset with no respondents", async () => {
    const { result, sink } = await ingestBytes("id,name");
    expect(result.respondents).toBe(0);
    expect(sink.beginCalls).toBe(1);
    expect(sink.columns?.map((c) => c.headers)).toEqual([["id"], ["name"]]);
  });

  test("enforces the column cap and the record size cap", async () => {
    const wide = await ingestError("a,b,c,d\n1,2,3,4\n", { limits: { maxColumns: 3 } });
    expect(wide.code).toBe("too-many-columns");
    const long = await ingestError(`a,b\n1,"${"x".repeat(5000)}\n`, { limits: { maxRecordBytes: 1000 }, chunkSize: 512 });
    expect(long.code).toBe("record-too-large");
    expect(long.issues[0].row).toBe(2);
  });

  test("reads Google Sheets TSV without treating quotes as quoting", async () => {
    const { result, sink } = await ingestBytes('a\tb\n1\t"Native" interface\n', { fileName: "form.tsv" });
    expect(result.delimiter).toBe("\t");
    expect(sink.rows).toEqual([["1", '"Native" interface']]);
  });
});

describe("delimiter and line-ending detection", () => {
  test.each([
    ["a,b,c\n1,2,3\n", ","],
    ["a;b;c\n1;4,5;12,5%\n", ";"],
    ["a\tb\tc\n1\t2\t3\n", "\t"],
    ["a|b|c\n1|2|3\n", "|"],
    ['a,b\n"x;y;z",2\n', ","],
  ])("detects the delimiter of %j", (sample, expected) => {
    expect(detectDelimiter(sample, "\n", true)).toBe(expected);
  });

  test("uses tab for .tsv files", () => {
    expect(detectDelimiter("a,b\n", "\n", true, "export.TSV")).toBe("\t");
  });

  test("rejects mixed delimiters, naming the line", async () => {
    const err = await ingestError("id;name;score\r\n1,Ann,5\r\n2;Bob;4\r\n3\tCid\t3\r\n");
    expect(err.code).toBe("mixed-delimiters");
    expect(err.issues[0].row).toBe(2);
  });

  test("detects the line ending outside quoted fields", () => {
    expect(detectNewline('a,"x\ny"\r\nb,c\r\n')).toBe("\r\n");
    expect(detectNewline("a,b\nc,d\n")).toBe("\n");
    expect(detectNewline("a,b\rc,d\r")).toBe("\r");
  });
});

const cell = fc.array(fc.constantFrom("a", "b", ",", '"', "\n", "\r", " ", "é", "東", "😀", ";", "\t", "x"), { maxLength: 6 }).map((cs) => cs.join(""));

function toCsv(rows: string[][], newline: string): string {
  const quote = (c: string) => (/[",\r\n]/.test(c) || c.trim() !== c ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(quote).join(",")).join(newline) + newline;
}

describe("streaming is chunk-size invariant", () => {
  test("any chunking of the bytes gives the same rows, equal to the written rows", async () => {
    const table = fc.integer({ min: 2, max: 4 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom("\n", "\r\n"), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), async (rows, newline, bom, rawCuts) => {
        const header = rows[0].map((_, i) => `h${i}`);
        const body = new TextEncoder().encode((bom ? "\uFEFF" : "") + toCsv([header, ...rows], newline));
        const cuts = [...new Set(rawCuts.map((c) => c % (body.length + 1)))].sort((a, b) => a - b);
        const options = { format: "microdata" as const, delimiter: "," };
        const whole = await ingestBytes(body, options);
        const split = await ingestBytes(body, { ...options, cuts });
        const tiny = await ingestBytes(body, { ...options, chunkSize: 1 });
        // a wholly empty row is no respondent: it is not written
        const written = rows.filter((r) => r.some((c) => c !== ""));
        expect(whole.sink.rows).toEqual(written);
        expect(split.sink.rows).toEqual(written);
        expect(tiny.sink.rows).toEqual(written);
        expect(split.result.warnings).toEqual(whole.result.warnings);
      }),
      { numRuns: 150 },
    );
  });

  test("detection (no explicit delimiter) gives the same result for any chunking", async () => {
    const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(table, fc.array(fc.nat(), { maxLength: 5 }), async (rows, rawCuts) => {
        const body = new TextEncoder().encode(toCsv([["a", "b", "c"], ...rows], "\r\n"));
        const cuts = [...new Set(rawCuts.map((c) => c % (body.length + 1)))].sort((a, b) => a - b);
        const outcome = async (o: { cuts?: number[] }) => {
          try {
            const { result, sink } = await ingestBytes(body, o);
            return { rows: sink.rows, delimiter: result.delimiter, format: result.format, warnings: result.warnings };
          } catch (e) {
            return { error: (e as Error).message };
          }
        };
        expect(await outcome({ cuts })).toEqual(await outcome({}));
      }),
      { numRuns: 100 },
    );
  });
});
