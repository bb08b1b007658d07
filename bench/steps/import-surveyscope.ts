/**
 * Step: import the CSV through Surveyscope's real ingest path (DuckDB file store, `importDataset`:
 * strict decode → papaparse → dialect/question detection + profiling → appender), as the upload
 * route, the CLI and the seed do. Times open → import → close (checkpoint).
 *
 * Usage: node --import tsx --conditions=react-server bench/steps/import-surveyscope.ts --file F --db D
 */
import fs from "node:fs";
import { importDataset } from "@/lib/services/import-dataset";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { args, emit, main, removeDb } from "./common";

main(async () => {
  const a = args(["file", "db"]);
  const file = a.file!;
  const db = a.db!;
  removeDb(db);
  const t0 = performance.now();
  const store = await DuckDbStore.open(db);
  const tOpen = performance.now();
  const ds = await importDataset(store, {
    meta: { id: "bench", name: "bench", owner: "bench", fileName: file.split("/").pop()! },
    source: fs.createReadStream(file),
    options: { totalBytes: fs.statSync(file).size },
  });
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
    respondents: ds.respondents,
    format: ds.format,
    questions: byType,
    multi: ds.questions.filter((q) => q.type === "multi").map((q) => ({ id: q.id, delimiter: q.multi?.delimiter, options: q.options.length })),
    warnings: ds.warnings.length,
  });
});
