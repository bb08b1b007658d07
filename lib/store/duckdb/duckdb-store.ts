import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { CrosstabPlan, FilterPlan } from "@/lib/analysis/plan";
import { compareBytes } from "@/lib/engine/byte-compare";
import type { IngestResult, RowSink } from "@/lib/ingest/types";
import type { CrosstabInput } from "@/lib/schema/cell-sums";
import { datasetSchema, type Dataset, type DatasetSummary, type DefaultWeight } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import { duckdbDialect } from "../sql/dialect";
import { buildCellSumsStatement, buildDistinctStatement, buildReadRowsStatement } from "../sql/crosstab-sql";
import { ident } from "../sql/params";
import { buildMembershipStatement, toMemberships, type Memberships } from "../sql/population-sql";
import { toCrosstabInput, toSumsRow } from "../sql/to-crosstab-input";
import { dataTableName, isValidDatasetId, newDatasetId } from "../ids";
import { summarize } from "../summarize";
import { newDatasetRecord, replaceDefaultWeight, UPSERT_OWNER, UPSERT_UPLOADER } from "../dataset-record";
import { INSERT_CELL_KEY_SECRET, newCellKeySecret } from "../repos/cell-key";
import { detectedColumnStatusInserts } from "../repos/column-status";
import type { DerivedColumn, FinishImport, NewDatasetMeta, SurveyStore } from "../types";
import type { DatasetLineage } from "@/lib/schema/dataset";
import { Lru } from "../cache/lru";
import { VersionCache } from "../cache/version-cache";
import { duckdbAppDatabase, type AppDatabase } from "../app-database";
import { openDuckDb } from "./connection";
import { dropIfUnregistered, sweepOrphanTables } from "./orphan-tables";
import { DuckDbSink } from "./sink";
import { wipeFreeBlocks } from "./wipe-free-blocks";
import { connectionRunner } from "../runner/sql-runner";
import { deleteWorkspaceRows, type WorkspaceDeletion } from "../repos/workspace-deletion";
import { addTypedColumns, numericColumns, typedColumnsOf } from "./typed-columns";

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
      if (prev[0]?.v != null && prev[0].gone === false) throw new AppError("conflict", `dataset already exists: ${id}`);
      const version = prev[0]?.v == null ? 1 : Number(prev[0].v) + 1;
      const table = dataTableName(id, version);
      const conn = await this.instance.connect();
      // a table of this name can only be one a crashed bulk import committed (its version was never registered)
      await dropIfUnregistered(conn, table);
      await conn.run("BEGIN TRANSACTION");
      try {
        const sink = new DuckDbSink(conn, table);
        let result = await run(sink);
        await sink.finish(result.columns);
        if (finish) result = finish(result);
        await addTypedColumns(conn, table, numericColumns(result.questions));
        const dataset = newDatasetRecord(id, version, meta, result);
        await conn.run(`INSERT INTO datasets (id, version, data_table, name, meta) VALUES ($1, $2, $3, $4, $5)`, [
          id,
          version,
          table,
          meta.name,
          JSON.stringify(dataset),
        ]);
        // the owner commits with the dataset row (both import paths register here): never a moment
        // in which the dataset exists without its workspace
        if (meta.workspaceId) await conn.run(UPSERT_OWNER, [id, meta.workspaceId]);
        if (meta.uploadedBy) await conn.run(UPSERT_UPLOADER, [id, meta.uploadedBy, new Date().toISOString()]);
        for (const st of detectedColumnStatusInserts(id, meta.columnStatus?.(dataset) ?? [])) await conn.run(st.sql, st.params);
        // the cell-key method's secret (record keys derive from it): fixed at import
        await conn.run(INSERT_CELL_KEY_SECRET, [id, newCellKeySecret(), new Date().toISOString()]);
        await conn.run("COMMIT");
        return dataset;
      } catch (err) {
        await conn.run("ROLLBACK").catch(() => undefined);
        // the bulk loader commits the data table before this transaction registers it (see bulk-load.ts): no dataset row, no table
        await dropIfUnregistered(conn, table).catch(() => undefined);
        throw err;
      } finally {
        conn.closeSync();
      }
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
      const columns = [...dataset.columns, ...added.map((a, i) => ({ index: first + i, name: `c${first + i}`, headers: [a.header] }))];
      const conn = await this.instance.connect();
      await conn.run("BEGIN TRANSACTION");
      try {
        const staged = `${table}_add`;
        const defs = added.map((_, i) => `${ident(`c${first + i}`)} VARCHAR`).join(", ");
        await conn.run(`CREATE TABLE ${ident(staged)} (rid BIGINT NOT NULL, ${defs})`);
        const ap = await conn.createAppender(staged);
        const rows = Math.max(0, ...added.map((a) => a.values.length));
        for (let r = 0; r < rows; r++) {
          ap.appendBigInt(BigInt(r));
          for (const a of added) {
            const v = a.values[r];
            if (v === null || v === undefined || v === "") ap.appendNull();
            else ap.appendVarchar(v);
          }
          ap.endRow();
        }
        ap.flushSync();
        ap.closeSync();
        const addedCols = added.map((_, i) => `a.${ident(`c${first + i}`)}`).join(", ");
        // the source's rowid is its file order (0..n-1, see duckdbDialect.rowOrder); ordered, so the copy's rowid is too
        await conn.run(`CREATE TABLE ${ident(table)} AS SELECT t.*, ${addedCols} FROM ${ident(source)} t LEFT JOIN ${ident(staged)} a ON a.rid = t.rowid ORDER BY t.rowid`);
        await conn.run(`DROP TABLE ${ident(staged)}`);
        const next = datasetSchema.parse({
          ...cur.dataset,
          version,
          columns,
          questions,
          lineage: [...cur.dataset.lineage, lineage],
          createdAt: new Date().toISOString(),
        });
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
      const conn = await this.instance.connect();
      try {
        await conn.run("BEGIN TRANSACTION");
        for (const r of rows) await conn.run(`DROP TABLE IF EXISTS ${ident(String(r.data_table))}`);
        // C44: the metadata (headers, labels, option values and counts) goes too; the row stays as a
        // tombstone so a re-upload under the same id gets a fresh version number
        await conn.run(`UPDATE datasets SET deleted = TRUE, name = '', meta = '{}' WHERE id = $1`, [id]);
        await conn.run("COMMIT");
        await wipeFreeBlocks(conn); // C44: overwrite the blocks the dropped tables freed
        this.cache.forget(
          id,
          rows.map((r) => String(r.data_table)),
        );
        return true;
      } catch (err) {
        await conn.run("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        conn.closeSync();
      }
    });
  }

  deleteWorkspace(workspaceId: string): Promise<WorkspaceDeletion | null> {
    return this.exclusive(async () => {
      const conn = await this.instance.connect();
      try {
        await conn.run("BEGIN TRANSACTION");
        const deleted = await deleteWorkspaceRows(connectionRunner(conn), workspaceId);
        await conn.run("COMMIT");
        if (deleted?.dataTables.length) {
          await wipeFreeBlocks(conn); // C44, as for one dataset
          for (const id of deleted.datasetIds) this.cache.forget(id, deleted.dataTables);
        }
        return deleted;
      } catch (err) {
        await conn.run("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        conn.closeSync();
      }
    });
  }

  private async levelsAndTyped(table: string, plan: CrosstabPlan): Promise<{ levels: string[]; typed: ReadonlySet<string> }> {
    const levels =
      plan.segmentLevels ??
      (await this.cache.levels(table, plan.segment.column, plan.segment.missingCodes, async () => {
        const st = buildDistinctStatement(table, plan.segment.column, plan.segment.missingCodes);
        return (await this.query(st.sql, st.params)).map((r) => String(r.v)).sort(compareBytes);
      }));
    const typed = await this.cache.typed(table, async () => {
      const conn = await this.instance.connect();
      try {
        return await typedColumnsOf(conn, table);
      } finally {
        conn.closeSync();
      }
    });
    return { levels, typed };
  }

  async cellSums(dataset: Dataset, plan: CrosstabPlan): Promise<CrosstabInput> {
    const table = await this.tableOf(dataset);
    return this.cache.sums(table, plan, async () => {
      const { levels, typed } = await this.levelsAndTyped(table, plan);
      const st = buildCellSumsStatement(table, plan, levels, duckdbDialect, typed);
      const rows = await this.query(st.sql, st.params);
      return toCrosstabInput(plan, levels, rows.map(toSumsRow));
    });
  }

  async memberships(dataset: Dataset, plan: CrosstabPlan): Promise<Memberships> {
    const table = await this.tableOf(dataset);
    const { levels, typed } = await this.levelsAndTyped(table, plan);
    const st = buildMembershipStatement(table, plan, levels, duckdbDialect, typed);
    const [count] = await this.query(`SELECT CAST(COUNT(*) AS DOUBLE) AS n FROM ${ident(table)}`);
    return toMemberships(Number(count.n), await this.query(st.sql, st.params));
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
