/**
 * Step (diagnostic, `bench/run.ts --stages`): where Surveyscope's import spends its time, built from
 * the product's own pieces without changing them. Each stage re-reads the file from the page cache
 * and adds one piece of the real pipeline:
 *   read        stream the file in 64 KiB chunks + SHA-256 (what `ingest` does per chunk)
 *   decode      + strict UTF-8 StreamDecoder
 *   parse       + RecordParser (papaparse core, line/byte accounting)
 *   profile     + Profiler.add per row (column profiles for question detection)
 *   ingest      `ingest()` with a no-op sink (the above + detection, fitRow, batching)
 * The full import (appender into the store) is measured by import-surveyscope.
 *
 * Usage: node --import tsx --conditions=react-server bench/steps/ingest-stages.ts --file F
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { byteCounter } from "@/lib/ingest/byte-count";
import { StreamDecoder } from "@/lib/ingest/decode";
import { ingest } from "@/lib/ingest/ingest";
import { DEFAULT_LIMITS } from "@/lib/ingest/limits";
import { RecordParser } from "@/lib/ingest/parse";
import { Profiler } from "@/lib/ingest/profile";
import { args, emit, main } from "./common";

type Level = "read" | "decode" | "parse" | "profile";
const LEVELS: Level[] = ["read", "decode", "parse", "profile"];

async function pass(file: string, level: Level): Promise<{ s: number; records: number }> {
  const at = LEVELS.indexOf(level);
  const t0 = performance.now();
  const hash = createHash("sha256");
  const decoder = new StreamDecoder("utf-8", 0);
  const parser = new RecordParser({
    delimiter: ",",
    newline: "\n",
    quotes: true,
    countBytes: byteCounter("utf-8"),
    startByte: 0,
    maxRecordBytes: DEFAULT_LIMITS.maxRecordBytes,
    maxColumns: DEFAULT_LIMITS.maxColumns,
  });
  let profiler: Profiler | null = null;
  let records = 0;
  const take = (recs: { cells: string[] }[]) => {
    records += recs.length;
    if (at < 3) return;
    for (const r of recs) {
      if (!profiler) profiler = new Profiler(r.cells.length);
      else profiler.add(r.cells);
    }
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (at < 1) continue;
    const text = decoder.push(chunk);
    if (at < 2) continue;
    take(parser.push(text));
  }
  if (at >= 2) take([...parser.push(decoder.end()), ...parser.end()]);
  hash.digest("hex");
  return { s: (performance.now() - t0) / 1000, records };
}

main(async () => {
  const file = args(["file"]).file!;
  const out: Record<string, number> = {};
  for (const level of LEVELS) out[`${level}_s`] = (await pass(file, level)).s;
  const t0 = performance.now();
  const res = await ingest(fs.createReadStream(file), { begin: async () => undefined, write: async () => undefined }, { fileName: file });
  out.ingest_nosink_s = (performance.now() - t0) / 1000;
  emit({ ...out, respondents: res.respondents });
});
