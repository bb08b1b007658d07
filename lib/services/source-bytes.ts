import "server-only";
/**
 * The uploaded bytes of a file that was not read as UTF-8, kept beside the store
 * (DATA_DIR/sources/<dataset id>-<sha256>.bin) so review can re-read it in another encoding. An
 * upload is spooled while it streams; the spool is kept only for such a file and removed otherwise.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Dataset } from "@/lib/schema/dataset";
import { getEnv } from "@/lib/schema/env";

const dir = () => path.join(getEnv().DATA_DIR, "sources");

/** Where a dataset's kept bytes are (whether or not they exist). */
export function sourceBytesPath(dataset: Pick<Dataset, "id" | "source">): string {
  return path.join(dir(), `${dataset.id}-${dataset.source.sha256.replace(/[^a-f0-9]/gi, "")}.bin`);
}

/** Whether the dataset's file was kept (it can be re-read in another encoding). */
export function hasSourceBytes(dataset: Pick<Dataset, "id" | "source">): boolean {
  return fs.existsSync(sourceBytesPath(dataset));
}

/** Whether a dataset's file is kept: it was not read as UTF-8 (guessed, BOM or chosen). */
export function keepsSourceBytes(dataset: Pick<Dataset, "encoding" | "format">): boolean {
  return dataset.encoding !== "utf-8" && dataset.format !== "spss";
}

/**
 * Spool an upload to a temporary file as it streams through: `source` yields the same chunks;
 * afterwards `settle(dataset)` keeps the file for a dataset that needs it (else removes it), and
 * `discard()` removes it after a failed import.
 * @example const spool = spoolUpload(body); const ds = await importDataset(store, { …, source: spool.source }); await spool.settle(ds);
 */
export function spoolUpload(body: AsyncIterable<Uint8Array>) {
  const tmp = path.join(dir(), `.upload-${crypto.randomUUID()}.part`);
  let handle: fs.promises.FileHandle | null = null;
  async function* source(): AsyncGenerator<Uint8Array> {
    await fs.promises.mkdir(dir(), { recursive: true });
    handle = await fs.promises.open(tmp, "w", 0o600);
    for await (const chunk of body) {
      await handle.write(chunk);
      yield chunk;
    }
    await handle.close();
    handle = null;
  }
  const discard = async () => {
    await (handle as fs.promises.FileHandle | null)?.close().catch(() => undefined);
    handle = null;
    await fs.promises.rm(tmp, { force: true });
  };
  return {
    source: source(),
    discard,
    async settle(dataset: Dataset): Promise<void> {
      if (handle || !keepsSourceBytes(dataset) || !fs.existsSync(tmp)) return discard();
      await fs.promises.rename(tmp, sourceBytesPath(dataset));
    },
  };
}

/** Remove every kept file of a dataset (on delete). */
export async function forgetSourceBytes(datasetId: string): Promise<void> {
  const files = await fs.promises.readdir(dir()).catch(() => [] as string[]);
  await Promise.all(files.filter((f) => f.startsWith(`${datasetId}-`) && f.endsWith(".bin")).map((f) => fs.promises.rm(path.join(dir(), f), { force: true })));
}
