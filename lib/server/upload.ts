import "server-only";
import { z } from "zod";
import type { IngestProgress } from "@/lib/ingest/types";
import { AppError } from "@/lib/schema/errors";
import { getEnv } from "@/lib/schema/env";
import { sourceFormatSchema } from "@/lib/schema/question";
import type { Dataset } from "@/lib/schema/dataset";
import { importDataset } from "@/lib/services/import-dataset";
import { getStore } from "@/lib/store";
import { claimDataset, type Viewer } from "@/lib/auth/viewer";
import { bodyChunks } from "./body-stream";
import { json, toErrorResponse } from "./responses";

export const uploadQuerySchema = z.object({
  name: z.string().trim().min(1).max(200),
  encoding: z.string().max(40).optional(),
  format: sourceFormatSchema.optional(),
  fileName: z.string().max(300).optional(),
});

function limitBytes(max: number) {
  return async function* (src: AsyncIterable<Uint8Array>) {
    let seen = 0;
    for await (const chunk of src) {
      seen += chunk.byteLength;
      if (seen > max) throw new AppError("payload_too_large", `upload too large: more than ${max} bytes`);
      yield chunk;
    }
  };
}

/**
 * Handle a raw-body upload. With `Accept: application/x-ndjson` the answer streams progress
 * events (`{"type":"progress",…}`) and ends with `{"type":"done","dataset":…}` or
 * `{"type":"error","error":…}`; otherwise it is a plain 201 / 4xx.
 */
export async function handleUpload(req: Request, viewer: Viewer): Promise<Response> {
  const url = new URL(req.url);
  const query = uploadQuerySchema.parse(Object.fromEntries(url.searchParams));
  const env = getEnv();
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > env.MAX_UPLOAD_BYTES) {
    throw new AppError("payload_too_large", `upload too large: ${declared} bytes (limit ${env.MAX_UPLOAD_BYTES})`);
  }
  const store = await getStore();
  const run = async (onProgress?: (p: IngestProgress) => void): Promise<Dataset> => {
    const dataset = await importDataset(store, {
      meta: { name: query.name, owner: viewer.email, fileName: query.fileName ?? query.name },
      source: limitBytes(env.MAX_UPLOAD_BYTES)(bodyChunks(req.body)),
      options: {
        encoding: query.encoding,
        format: query.format,
        totalBytes: Number.isFinite(declared) ? declared : undefined,
        signal: req.signal,
        onProgress,
      },
    });
    // the new dataset belongs to the uploader's workspace (until then it is visible to no one else)
    await claimDataset(viewer, dataset.id);
    return dataset;
  };

  if (!(req.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    return json(await run(), 201);
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (obj: unknown) => controller.enqueue(encoder.encode(JSON.stringify(obj) + "\n"));
      try {
        const dataset = await run((p) => send({ type: "progress", ...p }));
        send({ type: "done", dataset });
      } catch (err) {
        const res = toErrorResponse(err);
        send({ type: "error", status: res.status, ...(await res.json()) });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { status: 200, headers: { "content-type": "application/x-ndjson", "cache-control": "no-store" } });
}
