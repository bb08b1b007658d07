import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ingestFile } from "./ingest-file";
import { createMemorySink } from "./memory-sink";
import { IngestError } from "./types";

const root = path.resolve(__dirname, "../../test/fixtures/csv-edge-cases");
const files = ["generated", "csvkit", "node-csvtojson", "messytables", "papaparse"]
  .flatMap((dir) => (fs.existsSync(path.join(root, dir)) ? fs.readdirSync(path.join(root, dir)).map((f) => path.join(dir, f)) : []))
  .filter((f) => !/(LICENSE|MANIFEST|SOURCES|\.md$|\.txt$)/.test(f) && fs.statSync(path.join(root, f)).isFile());

async function outcome(file: string) {
  try {
    const r = await ingestFile(path.join(root, file), createMemorySink(0));
    return { ok: true as const, format: r.format, respondents: r.respondents };
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    return { ok: false as const, code: e.code, issues: e.issues };
  }
}

describe("edge-case corpus", () => {
  test.each(files)("%s imports or fails with a located IngestError, never a crash", async (file) => {
    const result = await outcome(file);
    if (!result.ok) expect(result.code).not.toBe("internal");
  });

  test.each([
    ["generated/ragged-rows.csv", "long-row", 4],
    ["generated/unbalanced-quote-midfile.csv", "unterminated-quote", 3],
    ["generated/mixed-delimiters.csv", "mixed-delimiters", 2],
    ["generated/invalid-utf8.csv", "invalid-encoding", 2],
    ["generated/nul-bytes.csv", "nul-byte", 1],
    ["generated/whitespace-only.csv", "empty-file", undefined],
    ["generated/bom-only.csv", "empty-file", undefined],
  ])("%s is rejected as %s at line %s", async (file, code, row) => {
    const result = await outcome(file);
    expect(result).toMatchObject({ ok: false, code });
    if (row !== undefined && !result.ok) expect(result.issues[0].row).toBe(row);
  });

  test("the generated UTF-16 files give the same rows as UTF-8", async () => {
    const rows = async (file: string) => {
      const sink = createMemorySink();
      await ingestFile(path.join(root, "generated", file), sink);
      return { headers: sink.columns?.map((c) => c.headers), rows: sink.rows };
    };
    expect(await rows("utf16le-bom.csv")).toEqual(await rows("utf16be-bom.csv"));
    expect((await rows("utf16le-no-bom.csv")).headers?.[0]).toEqual(["id"]);
  });

  test("a 2,000-quote field parses to 2,000 quotes", async () => {
    const sink = createMemorySink();
    await ingestFile(path.join(root, "generated/deep-quotes.csv"), sink);
    expect(sink.rows.flat().some((c) => c === '"'.repeat(2000))).toBe(true);
  });
});
