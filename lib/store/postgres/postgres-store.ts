import type pg from "pg";
import type { CrosstabPlan, FilterPlan } from "@/lib/analysis/plan";
import type { IngestResult, RowSink } from "@/lib/ingest/types";
import type { CrosstabInput } from "@/lib/schema/cell-sums";
import { datasetSchema, type Dataset, type DatasetLineage, type DatasetSummary, type DefaultWeight } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import { buildCellSumsStatement, buildReadRowsStatement } from "../sql/crosstab-sql";
import { postgresDialect } from "../sql/dialect";
import { ident } from "../sql/params";
import { buildMembershipStatement, toMemberships, type Memberships } from "../sql/population-sql";
import { toCrosstabInput, toSumsRow } from "../sql/to-crosstab-input";
import { isValidDatasetId, newDatasetId } from "../ids";
import { summarize } from "../summarize";
import type { SqlRunner } from "../runner/sql-runner";
import { deleteWorkspaceRows, workspaceDatasetTables, type WorkspaceDeletion } from "../repos/workspace-deletion";
import { assertVersionSlot, derivedDatasetRecord, newDatasetRecord, replaceDefaultWeight, UPSERT_OWNER, UPSERT_UPLOADER } from "../dataset-record";
import { INSERT_CELL_KEY_SECRET, newCellKeySecret } from "../repos/cell-key";
import { detectedColumnStatusInserts } from "../repos/column-status";
import type { DerivedColumn, FinishImport, NewDatasetMeta, SurveyStore } from "../types";
import { segmentLevels } from "../cache/segment-levels";
import { VersionCache } from "../cache/version-cache";
import { pgAppDatabase, type AppDatabase } from "../app-database";
import { lockDatasetId, tryLockDatasetId } from "./dataset-lock";
import { createDerivedTable } from "./derive-table";
import { pgDataTableName } from "./names";
import { inTransaction, openPool, readQuery, type PostgresStoreOptions } from "./pool";
import { PgSink } from "./sink";

export type { PostgresStoreOptions } from "./pool";

type Row = Record<string, unknown>;
type Param = string | number;

/**
 * The multi-instance store: every dataset's metadata (JSONB) and respondent rows (one table per
 * version, `rid BIGINT` + `c0..cN TEXT`) live in PostgreSQL, so any number of `next start`
 * processes pointing at the same DATABASE_URL serve the same data. Statistics are pushed down as
 * the same per-cell aggregates as the embedded store (`buildCellSumsStatement`).
 *
 * Concurrency: writes of one dataset id are serialised across instances by a transaction-level
 * advisory lock, and the (id, version) primary key backs it up.
 *
 * Recovery: the pool drops connections that die (e.g. a PostgreSQL restart or failover). A read
 * that fails because its connection was dead is retried once on a fresh connection; a write is
 * retried only when the failure happened on `BEGIN` (nothing was sent yet), otherwise the caller
 * gets the error and the transaction is rolled back by the server.
 */
export class PostgresStore implements SurveyStore {
  readonly kind = "postgres" as const;
  /**
   * immutable per-version metadata, segment levels and cell sums (see VersionCache). The data
   * table is still looked up per query (one indexed row), so a delete made by another instance
   * is seen at once: the lookup fails before any cached sums are used.
   */
  private readonly cache = new VersionCache();

  /** accounts, audit, shared state, views, …: the same pool, in the same schema */
  readonly app: AppDatabase;

  private constructor(
    private readonly pool: pg.Pool,
    readonly schema: string,
    private readonly lockTimeoutMillis: number,
  ) {
    this.app = pgAppDatabase(pool);
  }

  /**
   * Connect, migrate and return the store. The schema is `options.schema`, else the URL's
   * `?schema=` parameter (as Prisma spells it), else "public".
   */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const { pool, schema } = await openPool(url, options);
    return new PostgresStore(pool, schema, options.lockTimeoutMillis ?? 10_000);
  }

  private async rows(sql: string, params: Param[] = []): Promise<Row[]> {
    return (await readQuery(this.pool, sql, params)).rows as Row[];
  }

  private transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, fn);
  }

  /** wait (at most lockTimeoutMillis) for other writers of this dataset id, on any instance */
  private lockId(client: pg.PoolClient, id: string): Promise<void> {
    return lockDatasetId(client, id, this.lockTimeoutMillis);
  }

  async listDatasets(): Promise<DatasetSummary[]> {
    const rows = await this.rows(
      `SELECT meta FROM datasets d WHERE NOT deleted AND version = (SELECT max(version) FROM datasets x WHERE x.id = d.id) ORDER BY created_at DESC, id COLLATE "C"`,
    );
    return rows.map((r) => summarize(datasetSchema.parse(r.meta)));
  }

  private async latest(id: string, client?: pg.PoolClient): Promise<{ dataset: Dataset; table: string } | null> {
    if (!isValidDatasetId(id)) return null;
    const sql = `SELECT version, data_table, deleted FROM datasets WHERE id = $1 ORDER BY version DESC LIMIT 1`;
    const rows = client ? ((await client.query(sql, [id])).rows as Row[]) : await this.rows(sql, [id]);
    if (!rows.length || rows[0].deleted) return null;
    const version = Number(rows[0].version);
    const dataset = await this.cache.dataset(id, version, async () => {
      const metaSql = `SELECT meta FROM datasets WHERE id = $1 AND version = $2`;
      const meta = client ? ((await client.query(metaSql, [id, version])).rows as Row[]) : await this.rows(metaSql, [id, version]);
      return meta.length ? datasetSchema.parse(meta[0].meta) : null;
    });
    return dataset ? { dataset, table: String(rows[0].data_table) } : null;
  }

  async getDataset(id: string): Promise<Dataset | null> {
    return (await this.latest(id))?.dataset ?? null;
  }

  private async tableOf(dataset: Dataset): Promise<string> {
    const rows = await this.rows(`SELECT data_table FROM datasets WHERE id = $1 AND version = $2 AND NOT deleted`, [dataset.id, dataset.version]);
    if (!rows.length) throw new AppError("not_found", `dataset not found: ${dataset.id}`);
    return String(rows[0].data_table);
  }

  async importDataset(meta: NewDatasetMeta, run: (sink: RowSink) => Promise<IngestResult>, finish?: FinishImport): Promise<Dataset> {
    const id = meta.id ?? newDatasetId(meta.name);
    if (!isValidDatasetId(id)) throw new AppError("bad_request", `invalid dataset id: ${id}`);
    return this.transaction(async (client) => {
      // An import can take minutes: a second import of the same id fails fast instead of queueing.
      if (!(await tryLockDatasetId(client, id))) throw new AppError("conflict", `dataset ${id} is being imported or changed by another request`);
      const prev = (await client.query(`SELECT max(version) AS v, bool_and(deleted) AS gone FROM datasets WHERE id = $1`, [id])).rows[0] as Row;
      assertVersionSlot(id, prev?.v == null ? null : Number(prev.v), prev?.gone === true, meta.replacesVersion);
      const version = prev?.v == null ? 1 : Number(prev.v) + 1;
      const table = pgDataTableName(id, version);
      const sink = new PgSink(client, table);
      let result = await run(sink);
      await sink.finish(result.columns);
      if (finish) result = finish(result);
      const dataset = newDatasetRecord(id, version, meta, result);
      await insertMeta(client, dataset, table);
      // the owner commits with the dataset row: never a moment in which it exists without its workspace
      if (meta.workspaceId) await client.query(UPSERT_OWNER, [id, meta.workspaceId]);
      if (meta.uploadedBy) await client.query(UPSERT_UPLOADER, [id, meta.uploadedBy, new Date().toISOString()]);
      for (const st of detectedColumnStatusInserts(id, meta.columnStatus?.(dataset) ?? [])) await client.query(st.sql, st.params);
      // the cell-key method's secret (record keys derive from it): fixed at import
      await client.query(INSERT_CELL_KEY_SECRET, [id, newCellKeySecret(), new Date().toISOString()]);
      return dataset;
    });
  }

  saveQuestions(id: string, questions: Question[], patch: { defaultWeight?: DefaultWeight | null } = {}): Promise<Dataset> {
    return this.transaction(async (client) => {
      if (isValidDatasetId(id)) await this.lockId(client, id);
      const cur = await this.latest(id, client);
      if (!cur) throw new AppError("not_found", `dataset not found: ${id}`);
      const dataset = datasetSchema.parse({ ...replaceDefaultWeight(cur.dataset, patch.defaultWeight), version: cur.dataset.version + 1, questions, createdAt: new Date().toISOString() });
      await insertMeta(client, dataset, cur.table);
      return dataset;
    });
  }

  deriveVersion(dataset: Dataset, added: DerivedColumn[], questions: Question[], lineage: DatasetLineage): Promise<Dataset> {
    return this.transaction(async (client) => {
      if (isValidDatasetId(dataset.id)) await this.lockId(client, dataset.id);
      const cur = await this.latest(dataset.id, client);
      if (!cur) throw new AppError("not_found", `dataset not found: ${dataset.id}`);
      const src = (await client.query(`SELECT data_table FROM datasets WHERE id = $1 AND version = $2 AND NOT deleted`, [dataset.id, dataset.version]))
        .rows as Row[];
      if (!src.length) throw new AppError("not_found", `dataset not found: ${dataset.id}`);
      const source = String(src[0].data_table);
      const version = cur.dataset.version + 1;
      const table = pgDataTableName(dataset.id, version);
      await createDerivedTable(client, source, table, dataset.columns.length, added);
      const next = derivedDatasetRecord(cur.dataset, dataset, version, added, questions, lineage);
      await insertMeta(client, next, table);
      return next;
    });
  }

  async deleteDataset(id: string): Promise<boolean> {
    if (!isValidDatasetId(id)) return false;
    return this.transaction(async (client) => {
      await this.lockId(client, id);
      const rows = (await client.query(`SELECT DISTINCT data_table FROM datasets WHERE id = $1 AND NOT deleted`, [id])).rows as Row[];
      if (!rows.length) return false;
      for (const r of rows) await client.query(`DROP TABLE IF EXISTS ${ident(String(r.data_table))}`);
      // C44: the tombstone keeps no metadata (headers, labels, option values and counts)
      await client.query(`UPDATE datasets SET deleted = TRUE, name = '', meta = '{}'::jsonb WHERE id = $1`, [id]);
      this.cache.forget(
        id,
        rows.map((r) => String(r.data_table)),
      );
      return true;
    });
  }

  async deleteWorkspace(workspaceId: string): Promise<WorkspaceDeletion | null> {
    return this.transaction(async (client) => {
      const tx: SqlRunner = { dialect: "postgres", all: async (sql, params = []) => (await client.query(sql, params)).rows as Row[], transaction: (fn) => fn(tx) };
      // the same per-dataset lock as deleteDataset/saveQuestions, so no version is written meanwhile
      for (const id of new Set((await workspaceDatasetTables(tx, workspaceId)).map((d) => d.id))) if (isValidDatasetId(id)) await this.lockId(client, id);
      const deleted = await deleteWorkspaceRows(tx, workspaceId);
      for (const id of deleted?.datasetIds ?? []) this.cache.forget(id, deleted?.dataTables ?? []);
      return deleted;
    });
  }

  async cellSums(dataset: Dataset, plan: CrosstabPlan): Promise<CrosstabInput> {
    const table = await this.tableOf(dataset);
    return this.cache.sums(table, plan, async () => {
      // default levels need no list in the statement, so the two reads run side by side
      const st = buildCellSumsStatement(table, plan, plan.segmentLevels, postgresDialect);
      const [levels, rows] = await Promise.all([segmentLevels(this.cache, table, plan, (sql, params) => this.rows(sql, params)), this.rows(st.sql, st.params)]);
      return toCrosstabInput(plan, levels, rows.map(toSumsRow));
    });
  }

  async memberships(dataset: Dataset, plan: CrosstabPlan): Promise<Memberships> {
    const table = await this.tableOf(dataset);
    return this.cache.memberships(table, plan, async () => {
      const st = buildMembershipStatement(table, plan, plan.segmentLevels, postgresDialect);
      const [[count], rows] = await Promise.all([this.rows(`SELECT CAST(COUNT(*) AS DOUBLE PRECISION) AS n FROM ${ident(table)}`), this.rows(st.sql, st.params)]);
      return toMemberships(Number(count.n), rows);
    });
  }


  async valueCounts(dataset: Dataset, column: string, limit: number): Promise<{ value: string; n: number }[]> {
    const table = await this.tableOf(dataset);
    const c = ident(column);
    // COLLATE "C": ties ordered by bytes, as DuckDB does, whatever the database's locale
    const rows = await this.rows(
      `SELECT ${c} AS v, CAST(COUNT(*) AS DOUBLE PRECISION) AS n FROM ${ident(table)} WHERE ${c} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, ${c} COLLATE "C" LIMIT ${Math.max(1, Math.floor(limit))}`,
    );
    return rows.map((r) => ({ value: String(r.v), n: Number(r.n) }));
  }

  async readRows(dataset: Dataset, columns: string[], limit: number, filters: FilterPlan[] = []): Promise<(string | null)[][]> {
    const table = await this.tableOf(dataset);
    const st = buildReadRowsStatement(table, columns, filters, limit, postgresDialect);
    const res = await readQuery(this.pool, st.sql, st.params, "array");
    return res.rows as (string | null)[][];
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function insertMeta(client: pg.PoolClient, dataset: Dataset, table: string): Promise<void> {
  await client.query(`INSERT INTO datasets (id, version, data_table, name, meta) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
    dataset.id,
    dataset.version,
    table,
    dataset.name,
    JSON.stringify(dataset),
  ]);
}
