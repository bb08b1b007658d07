import { applyOverrides } from "@/lib/ingest/apply-overrides";
import { ingest } from "@/lib/ingest/ingest";
import type { IngestOptions } from "@/lib/ingest/types";
import type { Dataset } from "@/lib/schema/dataset";
import type { QuestionOverrides } from "@/lib/schema/question-overrides";
import type { NewDatasetMeta, SurveyStore } from "@/lib/store/types";

export interface ImportRequest {
  meta: NewDatasetMeta;
  source: AsyncIterable<Uint8Array>;
  options?: IngestOptions;
  overrides?: QuestionOverrides;
}

/**
 * Stream a survey file through the ingest pipeline into the store, atomically: on any error
 * nothing is stored. Used by the upload route, the CLI and the demo seed.
 *
 * @example
 * const ds = await importDataset(store, { meta: { name: "Q3 pulse", owner: "admin", fileName: "q3.csv" }, source })
 */
export async function importDataset(store: SurveyStore, req: ImportRequest): Promise<Dataset> {
  return store.importDataset(
    req.meta,
    (sink) => ingest(req.source, sink, { fileName: req.meta.fileName, ...req.options }),
    (result) => (req.overrides ? { ...result, questions: applyOverrides(result.questions, result.columns, req.overrides) } : result),
  );
}
