import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createMemorySink, ingest, IngestError } from "@/lib/ingest";

const dir = path.join(__dirname, "../../../test/fixtures/spss");
const files = ["survey.sav", "survey-plain.sav", "survey.zsav"].map((f) => [f, new Uint8Array(fs.readFileSync(path.join(dir, f)))] as const);

async function* chunks(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function outcome(bytes: Uint8Array, size = 4096) {
  const sink = createMemorySink();
  try {
    return { result: await ingest(chunks(bytes, size), sink, { fileName: "x.sav" }), sink };
  } catch (e) {
    return { error: e };
  }
}

describe("SPSS system files", () => {
  test.each(files)("%s reads whole in any chunking", async (_, bytes) => {
    const a = await outcome(bytes, 7);
    const b = await outcome(bytes, 65536);
    expect(a.result?.respondents).toBe(400);
    expect(a.sink?.rows).toEqual(b.sink?.rows);
    expect(a.result?.questions).toEqual(b.result?.questions);
  }, 60_000);

  test("the three encodings of one survey hold the same rows", async () => {
    const [a, b, c] = await Promise.all(files.map(([, bytes]) => outcome(bytes)));
    expect(b.sink?.rows).toEqual(a.sink?.rows);
    expect(c.sink?.rows).toEqual(a.sink?.rows);
  });

  test.each(files)("%s cut short anywhere fails with a located error", async (_, bytes) => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: bytes.length - 1 }), fc.integer({ min: 1, max: 9000 }), async (cut, size) => {
        const { error } = await outcome(bytes.subarray(0, cut), size);
        expect(error).toBeInstanceOf(IngestError);
        const e = error as IngestError;
        expect(["truncated-file", "corrupt-file"]).toContain(e.code);
        expect(e.issues[0].byteOffset).toBeGreaterThanOrEqual(0);
        expect(e.issues[0].byteOffset).toBeLessThanOrEqual(cut);
      }),
      { numRuns: 25, seed: 18 },
    );
  }, 120_000);

  test.each(files)("%s with bytes overwritten imports or fails with a located error, never an internal one", async (_, bytes) => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }), async (edits) => {
        const copy = bytes.slice();
        for (const [at, value] of edits) copy[at] = value;
        const { error } = await outcome(copy);
        if (error === undefined) return;
        expect(error).toBeInstanceOf(IngestError);
        const e = error as IngestError;
        expect(e.code).not.toBe("internal");
        if (e.code === "truncated-file" || e.code === "corrupt-file") expect(e.issues[0].byteOffset).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 120_000);

  test("a header cut short is located at its start", async () => {
    const { error } = await outcome(files[0][1].subarray(0, 100));
    expect(error).toMatchObject({ code: "truncated-file", issues: [{ byteOffset: 0 }] });
  });

  test("data ending before the announced cases is an error, not fewer rows", async () => {
    const bytes = files[1][1];
    const { error } = await outcome(bytes.subarray(0, bytes.length - 488 * 10));
    expect(error).toMatchObject({ code: "truncated-file" });
    expect((error as IngestError).message).toMatch(/announces 400 cases/);
  });
});
