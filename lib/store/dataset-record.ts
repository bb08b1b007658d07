import type { IngestResult } from "@/lib/ingest/types";
import { datasetSchema, type Dataset } from "@/lib/schema/dataset";
import type { NewDatasetMeta } from "./types";

/** The metadata record of a freshly imported dataset version (the same for every backend). */
export function newDatasetRecord(id: string, version: number, meta: NewDatasetMeta, result: IngestResult): Dataset {
  return datasetSchema.parse({
    id,
    version,
    name: meta.name,
    format: result.format,
    encoding: result.encoding,
    delimiter: result.delimiter,
    headerRows: result.headerRows,
    respondents: result.respondents,
    columns: result.columns,
    questions: result.questions,
    warnings: result.warnings,
    defaultFilters: result.defaultFilters ?? [],
    source: { fileName: meta.fileName, bytes: result.bytes, sha256: result.sha256 },
    synthetic: meta.synthetic ?? false,
    description: meta.description ?? "",
    owner: meta.owner,
    createdAt: new Date().toISOString(),
  });
}
