/**
 * The differencing audit's history in the store's database (DuckDB or PostgreSQL), shared by every
 * instance: each released population is one row of `viewer_populations` (members in the compact
 * encoding of lib/disclosure/population.ts), keyed by a hash of (viewer, dataset) — one history per
 * viewer and dataset, whatever the version, analysis or route. Check-and-record runs in one
 * transaction that first upserts the key's `disclosure_locks` row, whose row lock makes a second
 * instance checking the same history wait for the first to commit.
 */
import crypto from "node:crypto";
import { exclusive, type SqlRunner } from "../runner/sql-runner";
import type { Population } from "@/lib/disclosure/population";
import { decodePopulation, encodePopulation } from "./population-codec";
import type { PopulationDecision, PopulationHistoryStore } from "@/lib/disclosure/population-history";

const sha256 = (s: string) => crypto.createHash("sha256").update(s, "utf8").digest("hex");

/**
 * The history key of one viewer's releases of one dataset.
 * @example historyKeyOf("default/u1", "demo") // 64 hex chars
 */
export function historyKeyOf(viewerKey: string, datasetId: string): string {
  return sha256(JSON.stringify([viewerKey, datasetId]));
}

/**
 * Forget every viewer's populations of a deleted dataset (a dataset that no longer exists cannot
 * be differenced). Returns the number of rows deleted.
 * @example await forgetDatasetReleases(identity.sql, "demo") // 12
 */
export async function forgetDatasetReleases(sql: SqlRunner, datasetId: string): Promise<number> {
  const rows = await exclusive(sql, () => sql.all(`DELETE FROM viewer_populations WHERE dataset_id = $1 RETURNING 1 AS x`, [datasetId]));
  return rows.length;
}

/**
 * @example
 * const store = new SqlPopulationStore(identity.sql);
 * await store.withPopulations("default/u1", "demo", (released) => ({ value: auditPopulations(released, candidate, { k: 5 }), record: candidate }));
 */
export class SqlPopulationStore implements PopulationHistoryStore {
  constructor(private readonly sql: SqlRunner) {}

  withPopulations<T>(viewerKey: string, datasetId: string, decide: (released: readonly Population[]) => PopulationDecision<T>): Promise<T> {
    const key = historyKeyOf(viewerKey, datasetId);
    if (this.sql.dialect !== "duckdb") {
      // PostgreSQL (several instances): the lock row serialises check-and-record across instances
      return this.sql.transaction(async (tx) => {
        await tx.all(LOCK, [key]);
        const { value, record } = decide(await this.load(tx, key));
        await this.record(tx, key, datasetId, record);
        return value;
      });
    }
    // DuckDB (one process): this history's own lane keeps check-and-record whole, and the audit's
    // CPU time holds up nobody else; only the short write joins the shared lane, where every other
    // write to shared state runs (DuckDB's optimistic concurrency refuses racing writers)
    return exclusive(
      this.sql,
      async () => {
        const { value, record } = decide(await this.load(this.sql, key));
        if (record.length > 0) await exclusive(this.sql, () => this.sql.transaction(async (tx) => this.record(tx, key, datasetId, record)));
        return value;
      },
      `history:${key}`,
    );
  }

  private async load(sql: SqlRunner, key: string): Promise<Population[]> {
    const rows = await sql.all(`SELECT members FROM viewer_populations WHERE history_key = $1 ORDER BY created_at, population_hash`, [key]);
    return rows.map((r) => decodePopulation(String(r.members)));
  }

  private async record(tx: SqlRunner, key: string, datasetId: string, record: readonly Population[]): Promise<void> {
    const seen = new Set<string>();
    for (const p of record) {
      const members = encodePopulation(p);
      const hash = sha256(members);
      if (seen.has(hash)) continue;
      seen.add(hash);
      await tx.all(`INSERT INTO viewer_populations (history_key, population_hash, dataset_id, members) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [key, hash, datasetId, members]);
    }
  }
}

const LOCK = `INSERT INTO disclosure_locks AS l (history_key, n) VALUES ($1, 1) ON CONFLICT (history_key) DO UPDATE SET n = l.n + 1`;
