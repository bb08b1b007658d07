import { describe, expect, test } from "vitest";
import { ingest } from "./ingest";
import { createMemorySink } from "./memory-sink";
import { chunked, ingestBytes, ingestError } from "./ingest.fixtures";
import { IngestError, type IngestProgress } from "./types";

const rowsCsv = (n: number) => "id,answer\n" + Array.from({ length: n }, (_, i) => `${i + 1},${i % 3 === 0 ? "yes" : "no"}`).join("\n") + "\n";

describe("ingest", () => {
  test("calls begin once with generated column names, then writes rows in batches", async () => {
    const { result, sink } = await ingestBytes(rowsCsv(4500), { chunkSize: 1000 });
    expect(sink.beginCalls).toBe(1);
    expect(result.columns).toEqual([
      { index: 0, name: "c0", headers: ["id"] },
      { index: 1, name: "c1", headers: ["answer"] },
    ]);
    expect(sink.batches).toEqual([2000, 2000, 500]);
    expect(result.respondents).toBe(4500);
    expect(result.bytes).toBe(new TextEncoder().encode(rowsCsv(4500)).length);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test("reports throttled progress ending with the totals", async () => {
    const seen: IngestProgress[] = [];
    const text = rowsCsv(3000);
    const totalBytes = text.length;
    await ingestBytes(text, { chunkSize: 100, totalBytes, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.length).toBeLessThan(totalBytes / 100);
    expect(seen[seen.length - 1]).toEqual({ bytesRead: totalBytes, totalBytes, rowsParsed: 3000 });
  });

  test("stops with an aborted error when the signal fires", async () => {
    const controller = new AbortController();
    const sink = createMemorySink();
    sink.write = async () => controller.abort();
    const source = chunked(new TextEncoder().encode(rowsCsv(10_000)), 1000);
    await expect(ingest(source, sink, { signal: controller.signal })).rejects.toMatchObject({ code: "aborted" });
  });

  test("wraps sink and source failures in IngestErrors", async () => {
    const sink = createMemorySink();
    sink.write = async () => {
      throw new Error("disk full");
    };
    const err = await ingest(chunked(new TextEncoder().encode(rowsCsv(10))), sink).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err).toMatchObject({ code: "sink-failed", message: "storing rows failed: disk full" });

    async function* broken(): AsyncIterable<Uint8Array> {
      yield new TextEncoder().encode("a,b\n");
      throw new Error("connection reset");
    }
    await expect(ingest(broken(), createMemorySink())).rejects.toMatchObject({ code: "read-failed" });
  });

  test("rejects files over the byte cap", async () => {
    const err = await ingestError(rowsCsv(100), { limits: { maxBytes: 50 }, chunkSize: 10 });
    expect(err.code).toBe("too-large");
  });

  test("keeps the first 100 warnings and counts the rest", async () => {
    const text = "a,b\n" + "1\n".repeat(150);
    const { result } = await ingestBytes(text);
    expect(result.warnings).toHaveLength(101);
    expect(result.warningsOmitted).toBe(50);
    expect(result.warnings[100].code).toBe("more-warnings");
  });

  test("renames duplicate headers into unique question ids and keeps every column", async () => {
    const { result } = await ingestBytes('a,a,a_1,,," a ",A,a\n1,2,3,4,5,6,7,8\n');
    expect(result.columns).toHaveLength(8);
    const ids = result.questions.map((q) => q.id);
    expect(new Set(ids.map((i) => i.toLowerCase())).size).toBe(ids.length);
    expect(ids.slice(0, 3)).toEqual(["a", "a_2", "a_1"]);
  });

  test("honours a forced format", async () => {
    const { result } = await ingestBytes("Timestamp,q\n1/2/2020 10:00:00,x\n", { format: "microdata" });
    expect(result.format).toBe("microdata");
  });
});
