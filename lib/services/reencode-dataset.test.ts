/**
 * Re-reading an upload in another encoding: the bytes of a file not read as UTF-8 are kept while it
 * streams in; the re-read is the next version, atomic (a failing encoding leaves the version as it
 * was), and refused for a stale version or a file that was not kept.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SurveyStore } from "@/lib/store";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "surveyscope-reencode-"));
process.env.DATA_DIR = dataDir;

const { openMemoryStore } = await import("@/lib/store");
const { importDataset } = await import("./import-dataset");
const { reencodeDataset } = await import("./reencode-dataset");
const { hasSourceBytes, spoolUpload } = await import("./source-bytes");

let store: SurveyStore;
beforeAll(async () => {
  store = await openMemoryStore();
}, 60_000);
afterAll(async () => {
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Łódź, Kraków, Wrocław in Windows-1250 bytes: guessed as Windows-1252 they read £ódŸ, Kraków, Wroc³aw. */
function polish(): Buffer {
  const cities = [[0xa3, 0xf3, 0x64, 0x9f], [0x4b, 0x72, 0x61, 0x6b, 0xf3, 0x77], [0x57, 0x72, 0x6f, 0x63, 0xb3, 0x61, 0x77]];
  const parts: Buffer[] = [Buffer.from("id,city\n")];
  for (let i = 0; i < 30; i++) parts.push(Buffer.concat([Buffer.from(`${i + 1},`), Buffer.from(cities[i % 3]), Buffer.from("\n")]));
  return Buffer.concat(parts);
}

async function upload(id: string, bytes: Buffer) {
  const spool = spoolUpload(Readable.from([bytes.subarray(0, 20), bytes.subarray(20)]));
  const ds = await importDataset(store, { meta: { id, name: id, owner: "t", fileName: `${id}.csv` }, source: spool.source });
  await spool.settle(ds);
  return ds;
}

const labels = (ds: { questions: { id: string; options: { label: string }[] }[] }) => ds.questions.find((q) => q.id === "city")!.options.map((o) => o.label).sort();

describe("re-reading an upload in another encoding", () => {
  test("guessed Windows-1252, kept, re-read as Windows-1250 as the next version", async () => {
    const ds = await upload("pl", polish());
    expect(ds.encoding).toBe("windows-1252");
    expect(ds.warnings.map((w) => w.code)).toContain("encoding-assumed");
    expect(labels(ds)).toEqual(["Kraków", "Wroc³aw", "£ódŸ"]);
    expect(hasSourceBytes(ds)).toBe(true);
    const next = await reencodeDataset(store, ds, { encoding: "windows-1250", version: ds.version });
    expect(next).toMatchObject({ id: "pl", version: ds.version + 1, encoding: "windows-1250", respondents: 30 });
    expect(labels(next)).toEqual(["Kraków", "Wrocław", "Łódź"]);
    expect(next.warnings.map((w) => w.code)).not.toContain("encoding-assumed");
    expect((await store.getDataset("pl"))?.version).toBe(next.version);
    // the version re-read from is no longer the latest
    await expect(reencodeDataset(store, ds, { encoding: "windows-1252", version: ds.version })).rejects.toMatchObject({ code: "conflict" });
  });

  test("an encoding the bytes are not valid in fails and leaves the dataset as it was", async () => {
    const ds = await upload("pl2", polish());
    await expect(reencodeDataset(store, ds, { encoding: "utf-8", version: ds.version })).rejects.toMatchObject({ code: "invalid-encoding" });
    const still = await store.getDataset("pl2");
    expect(still?.version).toBe(ds.version);
    expect(labels(still!)).toEqual(labels(ds));
  });

  test("a UTF-8 upload keeps no bytes, so it cannot be re-read; an unknown encoding is refused", async () => {
    const ds = await upload("utf", Buffer.from("id,city\n1,Zürich\n2,Genève\n3,Zürich\n"));
    expect(ds.encoding).toBe("utf-8");
    expect(hasSourceBytes(ds)).toBe(false);
    expect(fs.readdirSync(path.join(dataDir, "sources")).filter((f) => f.endsWith(".part"))).toEqual([]);
    await expect(reencodeDataset(store, ds, { encoding: "windows-1252", version: ds.version })).rejects.toMatchObject({ code: "conflict" });
    await expect(reencodeDataset(store, ds, { encoding: "klingon", version: ds.version })).rejects.toThrow();
  });
});
