import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";

// the real ingest and a real (in-memory) DuckDB store behind the upload handler
const store = await DuckDbStore.open(":memory:");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upload-formats-"));
vi.mock("@/lib/store", () => ({ getStore: async () => store }));
vi.mock("@/lib/auth/viewer", () => ({ claimDataset: async () => {} }));
vi.mock("@/lib/schema/env", () => ({ getEnv: () => ({ MAX_UPLOAD_BYTES: 50_000_000, DATA_DIR: dataDir }) }));

const { handleUpload: handle } = await import("./upload");
const { toErrorResponse } = await import("./responses");
/** as the route answers: a thrown error becomes the error envelope */
const handleUpload = (req: Request, viewer: Viewer) => handle(req, viewer).catch(toErrorResponse);

const alice: Viewer = { userId: "u-alice", email: "alice@x.test", workspaceId: "w1", role: "analyst", via: "session" };
const fixture = (f: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../../test/fixtures/spss", f)));

function post(query: string, body: Uint8Array, headers: Record<string, string> = {}) {
  return new Request(`http://app.test/api/datasets?${query}`, { method: "POST", body: Buffer.from(body), headers });
}

afterAll(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("POST /api/datasets with SPSS files", () => {
  test.each(["survey.sav", "survey.zsav"])("%s is detected by its magic bytes and imported from its dictionary", async (file) => {
    const res = await handleUpload(post(`name=${file}`, fixture(file)), alice);
    expect(res.status).toBe(201);
    const ds = await res.json();
    expect(ds).toMatchObject({ format: "spss", respondents: 400 });
    const region = ds.questions.find((q: { id: string }) => q.id === "region");
    expect(region).toMatchObject({ type: "single", label: "Region (country)", options: [{ code: "1", label: "United States" }, { code: "2", label: "United Kingdom" }] });
  });

  test("NDJSON progress ends with done", async () => {
    const res = await handleUpload(post("name=p&format=sav", fixture("survey-plain.sav"), { accept: "application/x-ndjson" }), alice);
    const events = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(events.at(-1)).toMatchObject({ type: "done", dataset: { respondents: 400 } });
    expect(events.filter((e) => e.type === "progress").at(-1)).toMatchObject({ bytesRead: fixture("survey-plain.sav").length, rowsParsed: 400 });
  });

  test("a truncated .sav answers 422 with the byte offset, and nothing is stored", async () => {
    const before = (await store.listDatasets()).length;
    const bytes = fixture("survey.sav");
    const res = await handleUpload(post("name=cut", bytes.subarray(0, 5000)), alice);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "import_failed", details: { reason: "truncated-file" } });
    expect(body.error.details.issues[0].byteOffset).toBeGreaterThan(0);
    expect((await store.listDatasets()).length).toBe(before);
  });

  test("?format=sav on a CSV is a located 422, other zip files are still refused as binary", async () => {
    const csv = await handleUpload(post("name=x&format=sav", new TextEncoder().encode("a,b\n1,2\n".repeat(30))), alice);
    expect(csv.status).toBe(422);
    expect((await csv.json()).error.details.issues[0]).toMatchObject({ code: "corrupt-file", byteOffset: 0 });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("word/document.xml".padEnd(200, "\0"))]);
    expect((await handleUpload(post("name=z", zip), alice)).status).toBe(415);
  });
});
