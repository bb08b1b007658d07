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
    return exclusive(this.sql, () =>
      this.sql.transaction(async (tx) => {
        await tx.all(`INSERT INTO disclosure_locks AS l (history_key, n) VALUES ($1, 1) ON CONFLICT (history_key) DO UPDATE SET n = l.n + 1`, [key]);
        const rows = await tx.all(`SELECT members FROM viewer_populations WHERE history_key = $1 ORDER BY created_at, population_hash`, [key]);
        const released = rows.map((r) => decodePopulation(String(r.members)));
        const { value, record } = decide(released);
        const seen = new Set<string>();
        for (const p of record) {
          const members = encodePopulation(p);
          const hash = sha256(members);
          if (seen.has(hash)) continue;
          seen.add(hash);
          await tx.all(`INSERT INTO viewer_populations (history_key, population_hash, dataset_id, members) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
            key,
            hash,
            datasetId,
            members,
          ]);
        }
        return value;
      }),
      `history:${key}`,
    );
  }
}
