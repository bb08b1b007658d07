import { applyOverrides } from "@/lib/ingest/apply-overrides";
import { ingestBulk } from "@/lib/ingest/bulk/bulk-ingest";
import { ingest } from "@/lib/ingest/ingest";
import { IngestError, type IngestOptions } from "@/lib/ingest/types";
import { detectColumnStatus } from "@/lib/governance/column-status";
import type { Dataset } from "@/lib/schema/dataset";
import { getEnv } from "@/lib/schema/env";
import type { QuestionOverrides } from "@/lib/schema/question-overrides";
import type { NewDatasetMeta, SurveyStore } from "@/lib/store";

/**
 * THE switch for the bulk CSV path (issue #8): large plain UTF-8 CSVs are loaded by the store's
 * own reader (DuckDB `read_csv`) and profiled from value counts, with every doubt streamed
 * through the pipeline instead (lib/ingest/bulk/bulk-ingest.ts). `false` streams every file.
 * Only stores whose sink offers `bulk` take it: DuckDB. PostgreSQL streams (its `COPY … FROM
 * STDIN` would be the analogue, but pg's COPY parser differs from papaparse in quoting and
 * blank-line rules, so it needs the same equivalence work first).
 */
const BULK_CSV = true;

/** The refusal of a file with a header row and no responses (nothing is stored). */
export const NO_ROWS_MESSAGE = "no responses: the file has a header row but no data rows";

export interface ImportRequest {
  meta: NewDatasetMeta;
  source: AsyncIterable<Uint8Array>;
  /** the source's local file, when it is one (CLI, seed, bench): the bulk path reads it in place */
  path?: string;
  options?: IngestOptions;
  overrides?: QuestionOverrides;
}

/**
 * Stream a survey file through the ingest pipeline into the store, atomically: on any error
 * nothing is stored, and a file without a single response is refused (`no-rows`). Used by the
 * upload route, the CLI and the demo seed.
 *
 * @example
 * const ds = await importDataset(store, { meta: { name: "Q3 pulse", owner: "admin", fileName: "q3.csv" }, source })
 */
export async function importDataset(store: SurveyStore, req: ImportRequest): Promise<Dataset> {
  const options = { fileName: req.meta.fileName, ...req.options };
  return store.importDataset(
    // detection proposes each column's identifier / quasi-identifier status, kept with the import
    { columnStatus: detectColumnStatus, ...req.meta },
    (sink) =>
      BULK_CSV && sink.bulk && (options.fileType ?? "csv") === "csv"
        ? ingestBulk({ source: req.source, path: req.path, spoolDir: () => getEnv().DATA_DIR }, sink, options)
        : ingest(req.source, sink, options),
    (result) => {
      // a header without a single response is no dataset (it would show "0 respondents" everywhere)
      if (result.respondents === 0) throw new IngestError("no-rows", NO_ROWS_MESSAGE);
      return req.overrides ? { ...result, questions: applyOverrides(result.questions, result.columns, req.overrides) } : result;
    },
  );
}
