import "server-only";
import fs from "node:fs";
import { z } from "zod";
import { ENCODING_IDS } from "@/lib/ingest/encodings";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { SurveyStore } from "@/lib/store";
import { importDataset } from "./import-dataset";
import { hasSourceBytes, sourceBytesPath } from "./source-bytes";

/** The request: the encoding to read the file in, and the version the user reviewed. */
export const reencodeRequestSchema = z.object({ encoding: z.enum(ENCODING_IDS), version: z.number().int().positive() });

/**
 * Re-read a dataset's kept file in another encoding as its next version, atomically (the store's
 * import: a failure leaves the current version as it was; a version saved meanwhile is a conflict).
 * The new version is a fresh import of the file: question edits made in review are not carried over.
 * @example await reencodeDataset(store, dataset, { encoding: "utf-8", version: 1 })
 */
export async function reencodeDataset(store: SurveyStore, dataset: Dataset, body: unknown): Promise<Dataset> {
  const req = reencodeRequestSchema.parse(body);
  if (req.version !== dataset.version) throw new AppError("conflict", `dataset ${dataset.id} has changed (version ${dataset.version}, not ${req.version}); reload and try again`);
  if (!hasSourceBytes(dataset)) throw new AppError("conflict", "the original file of this version was not kept (it was read as UTF-8); upload it again to choose an encoding");
  const file = sourceBytesPath(dataset);
  const next = await importDataset(store, {
    meta: { id: dataset.id, name: dataset.name, owner: dataset.owner, fileName: dataset.source.fileName, synthetic: dataset.synthetic, description: dataset.description, replacesVersion: dataset.version },
    source: fs.createReadStream(file),
    options: { encoding: req.encoding, fileName: dataset.source.fileName },
  });
  // the same bytes, so the same sha256: the kept file serves the new version too
  return next;
}
