import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { IngestError } from "@/lib/ingest/types";
import type { Viewer } from "@/lib/auth/viewer";

// The store's import is atomic (store contract tests); here a fake records what would be committed.
const committed: string[] = [];
vi.mock("@/lib/store", () => ({ getStore: async () => ({ kind: "fake" }) }));
// DATA_DIR: where an upload is spooled while it streams (lib/services/source-bytes.ts)
vi.mock("@/lib/schema/env", async () => {
  const os = await import("node:os");
  const path = await import("node:path");
  return { getEnv: () => ({ MAX_UPLOAD_BYTES: 1000, DATA_DIR: path.join(os.tmpdir(), "surveyscope-upload-test") }) };
});
vi.mock("@/lib/services/import-dataset", () => ({
  importDataset: async (_store: unknown, req: { meta: { name: string }; source: AsyncIterable<Uint8Array> }) => {
    let bytes = 0;
    try {
      for await (const chunk of req.source) bytes += chunk.byteLength;
    } catch (e) {
      // like ingest(): a failing source becomes read-failed, and nothing is committed
      throw new IngestError("read-failed", `reading the file failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    committed.push(req.meta.name);
    // a stored dataset as the API documents it (the route's answer is checked against its schema)
    const id = `ds-${req.meta.name}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");
    return {
      ...{ id, version: 1, name: req.meta.name, format: "microdata", encoding: "utf-8", delimiter: ",", headerRows: 1, respondents: 0 },
      ...{ columns: [], questions: [], warnings: [], source: { fileName: req.meta.name, bytes, sha256: "" }, owner: "alice@example.com", createdAt: "2026-01-01T00:00:00Z" },
    };
  },
}));

const { guardedBody, handleUpload, uploadLimits, uploadsInFlight } = await import("./upload");

const alice: Viewer = { userId: "u-alice", email: "alice@x.test", workspaceId: "w1", role: "analyst", via: "session" };
const bob: Viewer = { ...alice, userId: "u-bob", email: "bob@x.test" };

/** A body that sends `first` and then waits until `go()` is called (or forever). */
function stalledBody(first = "q\n1\n") {
  let go!: () => void;
  const gate = new Promise<void>((r) => (go = r));
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    async start(c) {
      c.enqueue(new TextEncoder().encode(first));
      await gate;
      if (!cancelled) c.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, go, wasCancelled: () => cancelled };
}

function post(name: string, body: BodyInit | ReadableStream<Uint8Array> | null, headers: Record<string, string> = {}) {
  return new Request(`http://app.test/api/datasets?name=${encodeURIComponent(name)}`, {
    method: "POST",
    body,
    headers,
    // @ts-expect-error Node needs duplex for a stream body
    duplex: "half",
  });
}

const defaults = { ...uploadLimits };
beforeEach(() => {
  committed.length = 0;
});
afterEach(() => {
  Object.assign(uploadLimits, defaults);
  vi.useRealTimers();
});

describe("compressed bodies (C9)", () => {
  test.each(["gzip", "br", "deflate", "zstd", "GZIP, identity"])("Content-Encoding: %s gets 415 before reading", async (enc) => {
    await expect(handleUpload(post("gz", "q\n1\n", { "content-encoding": enc }), alice)).rejects.toMatchObject({ code: "unsupported_media_type", status: 415 });
    expect(committed).toEqual([]);
  });
  test("identity is accepted", async () => {
    const res = await handleUpload(post("plain", "q\n1\n", { "content-encoding": "identity" }), alice);
    expect(res.status).toBe(201);
    expect(committed).toEqual(["plain"]);
  });
});

describe("idle timeout (C4)", () => {
  test("no byte for idleTimeoutMs: 408, the body is cancelled, nothing imported, the slot is freed", async () => {
    uploadLimits.idleTimeoutMs = 50;
    const { body, wasCancelled } = stalledBody();
    const res = await handleUpload(post("slow", body), alice);
    expect(res.status).toBe(408);
    const payload = await res.json();
    expect(payload.error.details.reason).toBe("idle_timeout");
    expect(payload.error.message).toMatch(/nothing was imported/);
    expect(committed).toEqual([]);
    expect(wasCancelled()).toBe(true);
    expect(uploadsInFlight("u-alice")).toBe(0);
  });

  test("the streaming (ndjson) answer ends with an error event of status 408", async () => {
    uploadLimits.idleTimeoutMs = 50;
    const { body } = stalledBody();
    const res = await handleUpload(post("slow-ndjson", body, { accept: "application/x-ndjson" }), alice);
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ type: "error", status: 408 });
    expect(committed).toEqual([]);
    expect(uploadsInFlight()).toBe(0);
  });

  test("a body that keeps sending, with pauses shorter than the timeout, is imported", async () => {
    uploadLimits.idleTimeoutMs = 200;
    const body = new ReadableStream<Uint8Array>({
      async start(c) {
        for (let i = 0; i < 4; i++) {
          c.enqueue(new TextEncoder().encode(`${i}\n`));
          await new Promise((r) => setTimeout(r, 20));
        }
        c.close();
      },
    });
    const res = await handleUpload(post("steady", body), alice);
    expect(res.status).toBe(201);
    expect(committed).toEqual(["steady"]);
  });
});

describe("overall deadline (C4: a trickle must not hold the store's import lock)", () => {
  test("a body that keeps trickling past deadlineMs: 408 deadline, nothing imported", async () => {
    uploadLimits.idleTimeoutMs = 1_000;
    uploadLimits.deadlineMs = 120;
    let stop = false;
    const body = new ReadableStream<Uint8Array>({
      async start(c) {
        while (!stop) {
          c.enqueue(new TextEncoder().encode("1\n"));
          await new Promise((r) => setTimeout(r, 20));
        }
      },
      cancel() {
        stop = true;
      },
    });
    const res = await handleUpload(post("trickle", body), alice);
    expect(res.status).toBe(408);
    expect((await res.json()).error.details.reason).toBe("deadline");
    expect(committed).toEqual([]);
    expect(stop).toBe(true);
  });
});

describe("byte cap whatever Content-Length says (C1, C2)", () => {
  test("a stream over MAX_UPLOAD_BYTES without Content-Length: 413, nothing imported", async () => {
    const big = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(300));
        c.close();
      },
    });
    const res = await handleUpload(post("big", big), alice);
    expect(res.status).toBe(413);
    expect(committed).toEqual([]);
  });
  test("a declared Content-Length over the cap: 413 before reading", async () => {
    await expect(handleUpload(post("big", "x", { "content-length": "5000" }), alice)).rejects.toMatchObject({ status: 413 });
  });
});

describe("per-user concurrency (C5)", () => {
  test("a third upload of the same user gets 429 with Retry-After; another user still gets in; slots come back", async () => {
    uploadLimits.idleTimeoutMs = 5_000;
    const a1 = stalledBody();
    const a2 = stalledBody();
    const p1 = handleUpload(post("a1", a1.body), alice);
    const p2 = handleUpload(post("a2", a2.body), alice);
    await vi.waitFor(() => expect(uploadsInFlight("u-alice")).toBe(2));

    const third = await handleUpload(post("a3", "q\n1\n"), alice);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe(String(uploadLimits.retryAfterSeconds));
    expect((await third.json()).error.code).toBe("rate_limited");

    const other = await handleUpload(post("b1", "q\n1\n"), bob);
    expect(other.status).toBe(201);

    a1.go();
    a2.go();
    expect((await p1).status).toBe(201);
    expect((await p2).status).toBe(201);
    expect(uploadsInFlight()).toBe(0);
    const again = await handleUpload(post("a4", "q\n1\n"), alice);
    expect(again.status).toBe(201);
    expect(committed.sort()).toEqual(["a1", "a2", "a4", "b1"]);
  });

  test("a failed upload frees its slot", async () => {
    for (let i = 0; i < 3; i++) {
      await expect(handleUpload(post("gz", "x", { "content-encoding": "gzip" }), alice)).rejects.toMatchObject({ status: 415 });
    }
    uploadLimits.idleTimeoutMs = 20;
    for (let i = 0; i < 3; i++) expect((await handleUpload(post(`slow${i}`, stalledBody().body), alice)).status).toBe(408);
    expect(uploadsInFlight()).toBe(0);
  });

  test("the instance-wide cap also answers 429", async () => {
    uploadLimits.globalConcurrent = 1;
    const a = stalledBody();
    const p = handleUpload(post("g1", a.body), alice);
    await vi.waitFor(() => expect(uploadsInFlight()).toBe(1));
    expect((await handleUpload(post("g2", "q\n1\n"), bob)).status).toBe(429);
    a.go();
    expect((await p).status).toBe(201);
  });
});

describe("guardedBody", () => {
  test("passes chunks through unchanged and skips empty ones", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2]));
        c.enqueue(new Uint8Array([]));
        c.enqueue(new Uint8Array([3]));
        c.close();
      },
    });
    const out: number[] = [];
    for await (const chunk of guardedBody(body, { maxBytes: 10, idleMs: 1000 })) out.push(...chunk);
    expect(out).toEqual([1, 2, 3]);
  });
  test("a null body yields nothing", async () => {
    const out: Uint8Array[] = [];
    for await (const chunk of guardedBody(null, { maxBytes: 10, idleMs: 1000 })) out.push(chunk);
    expect(out).toEqual([]);
  });
});
