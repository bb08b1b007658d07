import type { CrosstabPlan, FilterPlan } from "@/lib/analysis/plan";
import type { IngestResult, RowSink } from "@/lib/ingest/types";
import type { CrosstabInput } from "@/lib/schema/cell-sums";
import type { Dataset, DatasetSummary, DefaultWeight } from "@/lib/schema/dataset";
import type { DatasetLineage } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import type { AppDatabase } from "./app-database";
import type { WorkspaceDeletion } from "./repos/workspace-deletion";
import type { Memberships } from "./sql/population-sql";

export interface DerivedColumn {
  /** the header text the column is known by (its storage name is generated) */
  header: string;
  values: (string | null)[];
}

export interface NewDatasetMeta {
  /** wanted id (the demo uses fixed ids); generated when absent */
  id?: string;
  name: string;
  owner: string;
  synthetic?: boolean;
  description?: string;
  fileName: string;
  /**
   * the workspace that owns the new dataset: written in the import's own transaction (a dataset
   * without an owner row is visible to nobody, see `visibleDatasetIdsWith`); every later version
   * (schema edits, weights, derived variables) keeps it, since ownership is per dataset id
   */
  workspaceId?: string;
  /** the uploading user: recorded with the owner, in the same transaction (respondent access, lib/disclosure/audience.ts) */
  uploadedBy?: string;
  /**
   * the governed status detection proposes for each stored column of the new dataset
   * (lib/governance/column-status.ts), written in the import's own transaction
   */
  columnStatus?: (dataset: Dataset) => { column: string; status: string }[];
  /**
   * a new version of an existing dataset (`id` required) re-read from its file, e.g. in another
   * encoding: refused (conflict) unless `replacesVersion` is still the latest version
   */
  replacesVersion?: number;
}

/** Turns the freshly ingested draft into the stored question model (e.g. apply overrides). */
export type FinishImport = (result: IngestResult) => IngestResult;

/**
 * The storage interface: the only place that knows SQL. Every write is atomic: a failed or
 * interrupted import leaves no trace; a dataset version never changes once committed.
 */
export interface SurveyStore {
  readonly kind: "duckdb" | "postgres";
  /** the application's tables over this store's own connection (one instance or pool per backend) */
  readonly app: AppDatabase;
  listDatasets(): Promise<DatasetSummary[]>;
  /** the latest version, or null when absent (or deleted) */
  getDataset(id: string): Promise<Dataset | null>;
  /**
   * Import atomically: `run` streams rows into the sink; the dataset becomes visible only when
   * `run` resolves and the commit of its metadata row succeeds. Any throw leaves no dataset and
   * no data table (a table a bulk load committed early is dropped; after a crash, at the next open).
   */
  importDataset(meta: NewDatasetMeta, run: (sink: RowSink) => Promise<IngestResult>, finish?: FinishImport): Promise<Dataset>;
  /**
   * save an edited question model as a new version over the same data; `defaultWeight` (when
   * given) replaces the dataset's default weight, null removing it
   */
  saveQuestions(id: string, questions: Question[], patch?: { defaultWeight?: DefaultWeight | null }): Promise<Dataset>;
  deleteDataset(id: string): Promise<boolean>;
  /**
   * Delete a workspace with its datasets (data tables dropped), views, dashboards, memberships,
   * invitations, tokens, shares and release histories in one transaction; null when absent.
   */
  deleteWorkspace(workspaceId: string): Promise<WorkspaceDeletion | null>;
  /**
   * A new version that adds computed columns (e.g. a weight) to the rows of `dataset`, which is
   * left untouched; `values` are in row order (one per respondent, null = empty). Atomic.
   */
  deriveVersion(dataset: Dataset, added: DerivedColumn[], questions: Question[], lineage: DatasetLineage): Promise<Dataset>;
  cellSums(dataset: Dataset, plan: CrosstabPlan): Promise<CrosstabInput>;
  /**
   * Who `cellSums` of the same plan counts, row by row: each kept row's ordinal in file order
   * (stable across every version of the dataset), status, segment level, outcome value and y.
   * Only the disclosure audit of aggregate-only audiences asks for it.
   */
  memberships(dataset: Dataset, plan: CrosstabPlan): Promise<Memberships>;
  /** how many rows hold each non-empty value of a column, most frequent first (at most `limit` values) */
  valueCounts(dataset: Dataset, column: string, limit: number): Promise<{ value: string; n: number }[]>;
  /** raw rows of the given columns in file order (respondent-level export), optionally filtered; `limit` caps the rows */
  readRows(dataset: Dataset, columns: string[], limit: number, filters?: FilterPlan[]): Promise<(string | null)[][]>;
  close(): Promise<void>;
}
