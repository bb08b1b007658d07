import type { IngestResult } from "@/lib/ingest/types";
import { detectDefaultWeight } from "@/lib/analysis/default-weight";
import { datasetSchema, type Dataset, type DatasetLineage, type DefaultWeight } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import { AppError } from "@/lib/schema/errors";
import type { DerivedColumn, NewDatasetMeta } from "./types";

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
    // a weight column found at import is the analysis' default weight (shown, and changeable in review)
    ...importedDefaultWeight(result),
    source: { fileName: meta.fileName, bytes: result.bytes, sha256: result.sha256 },
    synthetic: meta.synthetic ?? false,
    description: meta.description ?? "",
    owner: meta.owner,
    createdAt: new Date().toISOString(),
  });
}

function importedDefaultWeight(result: IngestResult): { defaultWeight?: DefaultWeight } {
  const question = detectDefaultWeight(result.questions);
  return question ? { defaultWeight: { question, source: "import" } } : {};
}

/** The dataset record with its default weight replaced (`null`: none, as the analyst chose; `undefined`: kept). */
export function replaceDefaultWeight(dataset: Dataset, defaultWeight: DefaultWeight | null | undefined): Dataset {
  return defaultWeight === undefined ? dataset : { ...dataset, defaultWeight };
}

/**
 * The metadata record of a derived version (the same for every backend): the latest version's
 * record with the source version's columns plus the added ones (`c<n>…`, stored after them), the
 * new questions and one more lineage step.
 */
export function derivedDatasetRecord(latest: Dataset, source: Dataset, version: number, added: DerivedColumn[], questions: Question[], lineage: DatasetLineage): Dataset {
  const first = source.columns.length;
  const columns = [...source.columns, ...added.map((a, i) => ({ index: first + i, name: `c${first + i}`, headers: [a.header] }))];
  return datasetSchema.parse({
    ...latest,
    version,
    columns,
    questions,
    lineage: [...latest.lineage, lineage],
    createdAt: new Date().toISOString(),
  });
}

/**
 * Record the workspace owning a dataset (every version). The stores run it inside the import's
 * transaction, so a dataset never exists without its owner (a dataset without one is visible to
 * nobody). The table is in the one migration list (`APP_MIGRATIONS`, both backends).
 */
/** The uploader of a new dataset (kept once: a later write never changes it). */
export const UPSERT_UPLOADER = `INSERT INTO dataset_governance (dataset_id, policy, uploaded_by, updated_by, updated_at) VALUES ($1, 'protected', $2, $2, $3)
ON CONFLICT (dataset_id) DO UPDATE SET uploaded_by = coalesce(dataset_governance.uploaded_by, excluded.uploaded_by)`;

export const UPSERT_OWNER = `INSERT INTO dataset_owners (dataset_id, workspace_id) VALUES ($1, $2)
ON CONFLICT (dataset_id) DO UPDATE SET workspace_id = excluded.workspace_id`;

/**
 * Whether an import may write the next version of `id`: a new dataset needs a free id (none, or
 * deleted); a re-read (`replacesVersion`) needs the dataset to exist with that version still the
 * latest, so two re-reads cannot both land. Throws `conflict` otherwise.
 * @example assertVersionSlot("demo", 3, false, 3) // ok: version 4 replaces 3
 */
export function assertVersionSlot(id: string, latest: number | null, deleted: boolean, replacesVersion: number | undefined): void {
  if (replacesVersion === undefined) {
    if (latest !== null && !deleted) throw new AppError("conflict", `dataset already exists: ${id}`);
    return;
  }
  if (latest === null || deleted) throw new AppError("not_found", `dataset not found: ${id}`);
  if (latest !== replacesVersion) throw new AppError("conflict", `dataset ${id} has changed (version ${latest}, not ${replacesVersion}); reload and try again`);
}
