/**
 * The differencing guard's release history in the store's database (DuckDB or PostgreSQL), shared
 * by every instance: each admitted release is one row of `viewer_releases`, keyed by a hash of
 * (viewer, dataset version, analysis), loaded on demand by that key (primary-key prefix).
 * Check-and-record runs in one transaction that first upserts the key's `disclosure_locks` row,
 * whose row lock makes a second instance checking the same history wait for the first to commit.
 */
import crypto from "node:crypto";
import { exclusive, type SqlRunner } from "../runner/sql-runner";
import type { ReleasedAggregate } from "@/lib/disclosure/release";
import type { ReleaseDecision, ReleaseScope, ReleaseStore } from "@/lib/disclosure/release-store";

const sha256 = (s: string) => crypto.createHash("sha256").update(s, "utf8").digest("hex");

/**
 * The history key of one viewer's releases of one analysis of one dataset version.
 * @example historyKeyOf("default/u1", { datasetVersion: "demo@1", analysisKey: '["q1=1","proportion",null]' }) // 64 hex chars
 */
export function historyKeyOf(viewerKey: string, scope: ReleaseScope): string {
  return sha256(JSON.stringify([viewerKey, scope.datasetVersion, scope.analysisKey]));
}

/** The dataset id of a release's `datasetVersion` ("id@version"). */
function datasetIdOf(datasetVersion: string): string {
  const at = datasetVersion.lastIndexOf("@");
  return at > 0 ? datasetVersion.slice(0, at) : datasetVersion;
}

/**
 * Forget every viewer's releases of a deleted dataset (its numbers and category codes must not
 * outlive it; a dataset that no longer exists cannot be differenced).
 * @example await forgetDatasetReleases(identity.sql, "demo") // 12
 */
export async function forgetDatasetReleases(sql: SqlRunner, datasetId: string): Promise<number> {
  const rows = await exclusive(sql, () => sql.all(`DELETE FROM viewer_releases WHERE dataset_id = $1 RETURNING 1 AS x`, [datasetId]));
  return rows.length;
}

/**
 * @example
 * const store = new SqlReleaseStore(identity.sql);
 * const shown = await protectAndRecordIn(store, "default/u1", result, { k: 5 }, meta);
 */
export class SqlReleaseStore implements ReleaseStore {
  constructor(private readonly sql: SqlRunner) {}

  withHistory<T>(viewerKey: string, scope: ReleaseScope, decide: (earlier: readonly ReleasedAggregate[]) => ReleaseDecision<T>): Promise<T> {
    const key = historyKeyOf(viewerKey, scope);
    return exclusive(this.sql, () =>
      this.sql.transaction(async (tx) => {
        await tx.all(`INSERT INTO disclosure_locks AS l (history_key, n) VALUES ($1, 1) ON CONFLICT (history_key) DO UPDATE SET n = l.n + 1`, [key]);
        const rows = await tx.all(`SELECT release_json FROM viewer_releases WHERE history_key = $1 ORDER BY created_at, release_hash`, [key]);
        const earlier = rows.map((r) => JSON.parse(String(r.release_json)) as ReleasedAggregate);
        const { value, record } = decide(earlier);
        if (record && record.cells.length > 0) {
          const json = JSON.stringify(record);
          await tx.all(`INSERT INTO viewer_releases (history_key, release_hash, dataset_id, release_json) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
            key,
            sha256(json),
            datasetIdOf(scope.datasetVersion),
            json,
          ]);
        }
        return value;
      }),
    );
  }
}
