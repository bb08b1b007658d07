/**
 * Test helper process: starts an import that never finishes, printing its progress, so a test
 * can `kill -9` it mid-import. Usage: tsx crash-worker.fixtures.ts STORE_FILE [stream|bulk]
 *
 * - `stream` (default): rows appended batch after batch inside the import transaction, forever.
 * - `bulk`: a 6 MB CSV through the bulk path; once its data table is loaded, committed and
 *   profiled, it prints `loaded` and waits before the dataset row would be written.
 */
import fs from "node:fs";
import path from "node:path";
import { ingestBulk } from "@/lib/ingest/bulk/bulk-ingest";
import { DuckDbStore } from "./duckdb-store";

const file = process.argv[2];
const mode = process.argv[3] ?? "stream";
if (!file) throw new Error("usage: crash-worker.fixtures.ts STORE_FILE [stream|bulk]");

const store = await DuckDbStore.open(file);
const meta = { id: "half", name: "Half written", owner: "test", fileName: "x.csv" };
const forever = () => new Promise<never>(() => setInterval(() => undefined, 1000));

if (mode === "bulk") {
  const csv = path.join(path.dirname(file), "big.csv");
  const rows = Array.from({ length: 200_000 }, (_, i) => `${i + 1},s${i % 7},${i % 3 ? "yes" : "no"},respondent number ${i}`);
  fs.writeFileSync(csv, "id,seg,out,comment\n" + rows.join("\n") + "\n");
  await store.importDataset(meta, async (sink) => {
    let bulk = false;
    await ingestBulk({ source: fs.createReadStream(csv), path: csv, spoolDir: () => path.dirname(file), onDecision: (d) => (bulk = d.bulk) }, sink, { fileName: "big.csv" });
    process.stdout.write(bulk ? "loaded\n" : "streamed\n");
    return forever();
  });
} else {
  const columns = [0, 1, 2].map((i) => ({ index: i, name: `c${i}`, headers: [`h${i}`] }));
  await store.importDataset(meta, async (sink) => {
    await sink.begin(columns);
    for (let batch = 0; ; batch++) {
      const rows = Array.from({ length: 1000 }, (_, i) => [String(batch), String(i), "x".repeat(20)]);
      await sink.write(rows);
      process.stdout.write(`rows ${(batch + 1) * 1000}\n`);
      await new Promise((r) => setTimeout(r, 1));
    }
  });
}
