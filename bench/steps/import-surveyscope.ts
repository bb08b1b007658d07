/**
 * Step: import the CSV through Surveyscope's real ingest path (DuckDB file store, `importDataset`),
 * as the CLI and the seed do: head sniffing + byte checks → DuckDB `read_csv` → profiles from
 * value counts (the bulk path, lib/ingest/bulk), or, when it declines, strict decode → papaparse
 * → dialect/question detection + profiling → appender. Times open → import → close (checkpoint).
 *
 * `--mode upload`: no local path, so the bytes are spooled to a file first, as the upload route
 * does. `--mode stream`: the streaming pipeline only (the import before the bulk path), for A/B
 * runs on a shared machine.
 *
 * Usage: node --import tsx --conditions=react-server bench/steps/import-surveyscope.ts --file F --db D [--mode bulk|upload|stream]
 */
import fs from "node:fs";
import path from "node:path";
import { ingest } from "@/lib/ingest/ingest";
import { importDataset } from "@/lib/services/import-dataset";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { args, emit, main, removeDb } from "./common";

main(async () => {
  const a = args(["file", "db", "mode"]);
  const file = a.file!;
  const db = a.db!;
  const mode = a.mode ?? "bulk";
  removeDb(db);
  const t0 = performance.now();
  const store = await DuckDbStore.open(db);
  const tOpen = performance.now();
  const meta = { id: "bench", name: "bench", owner: "bench", fileName: file.split("/").pop()! };
  const options = { totalBytes: fs.statSync(file).size };
  if (mode === "upload") process.env.DATA_DIR ??= path.dirname(db);
  const ds =
    mode === "stream"
      ? await store.importDataset(meta, (sink) => ingest(fs.createReadStream(file), sink, { fileName: meta.fileName, ...options }))
      : await importDataset(store, { meta, source: fs.createReadStream(file), ...(mode === "upload" ? {} : { path: file }), options });
  const tImport = performance.now();
  await store.close();
  const t1 = performance.now();
  const byType: Record<string, number> = {};
  for (const q of ds.questions) byType[q.type] = (byType[q.type] ?? 0) + 1;
  emit({
    seconds: (t1 - t0) / 1000,
    open_s: (tOpen - t0) / 1000,
    import_s: (tImport - tOpen) / 1000,
    close_s: (t1 - tImport) / 1000,
    mode,
    respondents: ds.respondents,
    format: ds.format,
    questions: byType,
    multi: ds.questions.filter((q) => q.type === "multi").map((q) => ({ id: q.id, delimiter: q.multi?.delimiter, options: q.options.length })),
    warnings: ds.warnings.length,
  });
});
