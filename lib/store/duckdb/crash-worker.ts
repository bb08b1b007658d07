/**
 * Test helper process: starts an import that never finishes, printing its progress, so a test
 * can `kill -9` it mid-import. Usage: tsx crash-worker.ts STORE_FILE
 */
import { DuckDbStore } from "./duckdb-store";

const file = process.argv[2];
if (!file) throw new Error("usage: crash-worker.ts STORE_FILE");

const store = await DuckDbStore.open(file);
const columns = [0, 1, 2].map((i) => ({ index: i, name: `c${i}`, headers: [`h${i}`] }));
await store.importDataset({ id: "half", name: "Half written", owner: "test", fileName: "x.csv" }, async (sink) => {
  await sink.begin(columns);
  for (let batch = 0; ; batch++) {
    const rows = Array.from({ length: 1000 }, (_, i) => [String(batch), String(i), "x".repeat(20)]);
    await sink.write(rows);
    process.stdout.write(`rows ${(batch + 1) * 1000}\n`);
    await new Promise((r) => setTimeout(r, 1));
  }
});
