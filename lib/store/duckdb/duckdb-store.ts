import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { CrosstabPlan, FilterPlan } from "@/lib/analysis/plan";
import type { IngestResult, RowSink } from "@/lib/ingest/types";
import type { CrosstabInput } from "@/lib/schema/cell-sums";
import { datasetSchema, type Dataset, type DatasetSummary, type DefaultWeight } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import { duckdbDialect } from "../sql/dialect";
import { buildCellSumsStatement, buildReadRowsStatement } from "../sql/crosstab-sql";
import { ident } from "../sql/params";
import { buildMembershipStatement, toMemberships, type Memberships } from "../sql/population-sql";
import { toCrosstabInput, toSumsRow } from "../sql/to-crosstab-input";
import { dataTableName, isValidDatasetId, newDatasetId } from "../ids";
import { summarize } from "../summarize";
import { assertVersionSlot, derivedDatasetRecord, replaceDefaultWeight } from "../dataset-record";
import type { DerivedColumn, FinishImport, NewDatasetMeta, SurveyStore } from "../types";
import type { DatasetLineage } from "@/lib/schema/dataset";
import { Lru } from "../cache/lru";
import { segmentLevels } from "../cache/segment-levels";
import { VersionCache } from "../cache/version-cache";
import { duckdbAppDatabase, type AppDatabase } from "../app-database";
import { openDuckDb } from "./connection";
import { deleteDatasetTables, deleteWorkspaceTables } from "./deletion";
import { createDerivedTable } from "./derive-table";
import { importVersion } from "./import-version";
import { sweepOrphanTables } from "./orphan-tables";
import { wipeFreeBlocks } from "./wipe-free-blocks";
import type { WorkspaceDeletion } from "../repos/workspace-deletion";
import { typedColumnsOf } from "./typed-columns";

type Row = Record<string, unknown>;

/** The embedded store: one DuckDB file under DATA_DIR. */
export class DuckDbStore implements SurveyStore {
  readonly kind = "duckdb" as const;
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** immutable per-version lookups, typed columns, segment levels and cell sums (see VersionCache) */
  private readonly cache = new VersionCache();
  /**
   * id → its latest (version, table), or null when absent/deleted. Only this process writes the
   * file (DuckDB locks it), so the map is exact as long as every write clears it: `exclusive`
   * does so when a write starts and when it ends, and a read only stores what it found if no write
   * started or ended meanwhile (`generation`).
   */
  private readonly latestById = new Lru<string, { version: number; table: string } | null>(4096);
  private generation = 0;

  /** accounts, audit, views, …: the same DuckDB instance (one file, one process) */
  readonly app: AppDatabase;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly main: DuckDBConnection,
  ) {
    this.app = duckdbAppDatabase(instance);
  }

  static async open(file: string): Promise<DuckDbStore> {
    const { instance, connection } = await openDuckDb(file);
    const dropped = await sweepOrphanTables(connection);
    if (dropped.length) {
      console.warn(`[store] dropped ${dropped.length} data table(s) an interrupted import left unregistered: ${dropped.join(", ")}`);
      if (file !== ":memory:") await wipeFreeBlocks(connection); // their answers must not linger in the file either (C44)
    }
    return new DuckDbStore(instance, connection);
  }

  /** The underlying DuckDB instance (benchmarks and tests inspect the file through it). */
  get duckdbInstance(): DuckDBInstance {
    return this.instance;
  }

  /** Forget every cached lookup and cell sums (benchmarks measure the uncached path with it). */
  clearCache(): void {
    this.cache.clear();
  }

  /** run writes one at a time (DuckDB allows one writer per table; ordering keeps versions sane) */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const forget = () => {
      this.generation++;
      this.latestById.clear();
    };
    const run = async () => {
      forget();
      try {
        return await fn();
      } finally {
        forget();
      }
    };
    const next = this.writeQueue.then(run, run);
    this.writeQueue = next.catch(() => undefined);
    return next;
  }

  private async query(sql: string, params: (string | number)[] = []): Promise<Row[]> {
    const conn = await this.instance.connect();
    try {
      const reader = await conn.runAndReadAll(sql, params);
      return reader.getRowObjectsJS() as Row[];
    } finally {
      conn.closeSync();
    }
  }

  async listDatasets(): Promise<DatasetSummary[]> {
    const rows = await this.query(
      `SELECT meta FROM datasets d WHERE NOT deleted AND version = (SELECT max(version) FROM datasets x WHERE x.id = d.id) ORDER BY created_at DESC, id`,
    );
    return rows.map((r) => summarize(datasetSchema.parse(JSON.parse(String(r.meta)))));
  }

  private async latest(id: string): Promise<{ dataset: Dataset; table: string } | null> {
    if (!isValidDatasetId(id)) return null;
    let head = this.latestById.get(id);
    if (head === undefined) {
      const generation = this.generation;
      const rows = await this.query(`SELECT version, data_table, deleted FROM datasets WHERE id = $1 ORDER BY version DESC LIMIT 1`, [id]);
      head = !rows.length || rows[0].deleted ? null : { version: Number(rows[0].version), table: String(rows[0].data_table) };
      if (generation === this.generation) this.latestById.set(id, head);
    }
    if (!head) return null;
    const { version, table } = head;
    const dataset = await this.cache.dataset(id, version, async () => {
      const meta = await this.query(`SELECT meta FROM datasets WHERE id = $1 AND version = $2`, [id, version]);
      return meta.length ? datasetSchema.parse(JSON.parse(String(meta[0].meta))) : null;
    });
    return dataset ? { dataset, table } : null;
  }

  async getDataset(id: string): Promise<Dataset | null> {
    return (await this.latest(id))?.dataset ?? null;
  }

  private tableOf(dataset: Dataset): Promise<string> {
    return this.cache.table(dataset.id, dataset.version, async () => {
      const rows = await this.query(`SELECT data_table FROM datasets WHERE id = $1 AND version = $2 AND NOT deleted`, [dataset.id, dataset.version]);
      if (!rows.length) throw new AppError("not_found", `dataset not found: ${dataset.id}`);
      return String(rows[0].data_table);
    });
  }

  importDataset(meta: NewDatasetMeta, run: (sink: RowSink) => Promise<IngestResult>, finish?: FinishImport): Promise<Dataset> {
    return this.exclusive(async () => {
      const id = meta.id ?? newDatasetId(meta.name);
      if (!isValidDatasetId(id)) throw new AppError("bad_request", `invalid dataset id: ${id}`);
      const prev = await this.query(`SELECT max(version) AS v, bool_and(deleted) AS gone FROM datasets WHERE id = $1`, [id]);
      assertVersionSlot(id, prev[0]?.v == null ? null : Number(prev[0].v), prev[0]?.gone === true, meta.replacesVersion);
      const version = prev[0]?.v == null ? 1 : Number(prev[0].v) + 1;
      const table = dataTableName(id, version);
      return importVersion(this.instance, { id, version, table }, meta, run, finish);
    });
  }

  saveQuestions(id: string, questions: Question[], patch: { defaultWeight?: DefaultWeight | null } = {}): Promise<Dataset> {
    return this.exclusive(async () => {
      const cur = await this.latest(id);
      if (!cur) throw new AppError("not_found", `dataset not found: ${id}`);
      const dataset = datasetSchema.parse({ ...replaceDefaultWeight(cur.dataset, patch.defaultWeight), version: cur.dataset.version + 1, questions, createdAt: new Date().toISOString() });
      await this.query(`INSERT INTO datasets (id, version, data_table, name, meta) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        dataset.version,
        cur.table,
        dataset.name,
        JSON.stringify(dataset),
      ]);
      return dataset;
    });
  }

  deriveVersion(dataset: Dataset, added: DerivedColumn[], questions: Question[], lineage: DatasetLineage): Promise<Dataset> {
    return this.exclusive(async () => {
      const cur = await this.latest(dataset.id);
      if (!cur) throw new AppError("not_found", `dataset not found: ${dataset.id}`);
      const source = await this.tableOf(dataset);
      const version = cur.dataset.version + 1;
      const table = dataTableName(dataset.id, version);
      const first = dataset.columns.length;
      const conn = await this.instance.connect();
      await conn.run("BEGIN TRANSACTION");
      try {
        await createDerivedTable(conn, source, table, first, added);
        const next = derivedDatasetRecord(cur.dataset, dataset, version, added, questions, lineage);
        await conn.run(`INSERT INTO datasets (id, version, data_table, name, meta) VALUES ($1, $2, $3, $4, $5)`, [
          next.id,
          version,
          table,
          next.name,
          JSON.stringify(next),
        ]);
        await conn.run("COMMIT");
        return next;
      } catch (err) {
        await conn.run("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        conn.closeSync();
      }
    });
  }

  deleteDataset(id: string): Promise<boolean> {
    return this.exclusive(async () => {
      if (!isValidDatasetId(id)) return false;
      const rows = await this.query(`SELECT DISTINCT data_table FROM datasets WHERE id = $1 AND NOT deleted`, [id]);
      if (!rows.length) return false;
      const tables = rows.map((r) => String(r.data_table));
      await deleteDatasetTables(this.instance, id, tables);
      this.cache.forget(id, tables);
      return true;
    });
  }

  deleteWorkspace(workspaceId: string): Promise<WorkspaceDeletion | null> {
    return this.exclusive(async () => {
      const deleted = await deleteWorkspaceTables(this.instance, workspaceId);
      if (deleted?.dataTables.length) for (const id of deleted.datasetIds) this.cache.forget(id, deleted.dataTables);
      return deleted;
    });
  }

  private typedOf(table: string): Promise<ReadonlySet<string>> {
    return this.cache.typed(table, async () => {
      const conn = await this.instance.connect();
      try {
        return await typedColumnsOf(conn, table);
      } finally {
        conn.closeSync();
      }
    });
  }

  async cellSums(dataset: Dataset, plan: CrosstabPlan): Promise<CrosstabInput> {
    const table = await this.tableOf(dataset);
    return this.cache.sums(table, plan, async () => {
      // default levels need no list in the statement, so the two reads run side by side
      const [levels, rows] = await Promise.all([
        segmentLevels(this.cache, table, plan, (sql, params) => this.query(sql, params)),
        this.typedOf(table).then((typed) => {
          const st = buildCellSumsStatement(table, plan, plan.segmentLevels, duckdbDialect, typed);
          return this.query(st.sql, st.params);
        }),
      ]);
      return toCrosstabInput(plan, levels, rows.map(toSumsRow));
    });
  }

  async memberships(dataset: Dataset, plan: CrosstabPlan): Promise<Memberships> {
    const table = await this.tableOf(dataset);
    return this.cache.memberships(table, plan, async () => {
      const st = buildMembershipStatement(table, plan, plan.segmentLevels, duckdbDialect, await this.typedOf(table));
      const [[count], rows] = await Promise.all([this.query(`SELECT CAST(COUNT(*) AS DOUBLE) AS n FROM ${ident(table)}`), this.query(st.sql, st.params)]);
      return toMemberships(Number(count.n), rows);
    });
  }

  async valueCounts(dataset: Dataset, column: string, limit: number): Promise<{ value: string; n: number }[]> {
    const table = await this.tableOf(dataset);
    const c = ident(column);
    const rows = await this.query(
      `SELECT ${c} AS v, CAST(COUNT(*) AS DOUBLE) AS n FROM ${ident(table)} WHERE ${c} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${Math.max(1, Math.floor(limit))}`,
    );
    return rows.map((r) => ({ value: String(r.v), n: Number(r.n) }));
  }

  async readRows(dataset: Dataset, columns: string[], limit: number, filters: FilterPlan[] = []): Promise<(string | null)[][]> {
    const table = await this.tableOf(dataset);
    const st = buildReadRowsStatement(table, columns, filters, limit, duckdbDialect);
    const conn = await this.instance.connect();
    try {
      const reader = await conn.runAndReadAll(st.sql, st.params);
      return reader.getRowsJS() as (string | null)[][];
    } finally {
      conn.closeSync();
    }
  }

  async close(): Promise<void> {
    await this.writeQueue.catch(() => undefined);
    this.main.closeSync();
    this.instance.closeSync();
  }
}
