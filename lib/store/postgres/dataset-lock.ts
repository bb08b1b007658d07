import type pg from "pg";
import { AppError } from "@/lib/schema/errors";

/** first key of the two-key advisory locks taken per dataset id (second key: hashtext(id)) */
const DATASET_LOCK_NS = 0x5353; // "SS"

/**
 * Wait (at most `lockTimeoutMillis`) for other writers of this dataset id, on any instance; the
 * lock is held until the transaction ends.
 */
export async function lockDatasetId(client: pg.PoolClient, id: string, lockTimeoutMillis: number): Promise<void> {
  await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(lockTimeoutMillis))}`);
  try {
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [DATASET_LOCK_NS, id]);
  } catch (err) {
    if ((err as { code?: string }).code === "55P03") throw new AppError("conflict", `dataset ${id} is being changed by another request; try again`);
    throw err;
  }
  await client.query("SET LOCAL lock_timeout = 0");
}

/** The same lock without waiting: false when another transaction holds it. */
export async function tryLockDatasetId(client: pg.PoolClient, id: string): Promise<boolean> {
  const got = await client.query("SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok", [DATASET_LOCK_NS, id]);
  return Boolean(got.rows[0]?.ok);
}
