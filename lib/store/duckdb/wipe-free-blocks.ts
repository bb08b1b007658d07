import type { DuckDBConnection } from "@duckdb/node-api";

/**
 * Overwrite the DuckDB file's free blocks (C44). DuckDB does not zero the blocks a DROP frees: the
 * bytes of a deleted dataset stay in the file until the blocks are reused. This fills every free
 * block with random filler (a table of incompressible strings, checkpointed: DuckDB allocates free
 * blocks before growing the file), then drops the filler, so the freed blocks hold only filler.
 * Cost: about one write of the freed size. Partially used blocks (small metadata segments sharing a
 * block with live data) are not covered: see SECURITY.md C44.
 *
 * @example await wipeFreeBlocks(conn) // { freeBlocks: 12, ms: 40 }
 */
export async function wipeFreeBlocks(conn: DuckDBConnection): Promise<{ freeBlocks: number; ms: number }> {
  const t0 = Date.now();
  await checkpoint(conn);
  const size = (await conn.runAndReadAll("PRAGMA database_size")).getRowObjectsJS()[0] ?? {};
  const freeBlocks = Number(size.free_blocks ?? 0);
  const blockSize = Number(size.block_size ?? 262_144);
  if (!Number.isFinite(freeBlocks) || freeBlocks <= 0) return { freeBlocks: 0, ms: Date.now() - t0 };
  const free = async () => Number((await conn.runAndReadAll("PRAGMA database_size")).getRowObjectsJS()[0]?.free_blocks ?? 0);
  // 64 random hex characters per row; compression may shrink them, so add filler until no block is free
  const filler = (blocks: number) => `SELECT md5(random()::VARCHAR) || md5(random()::VARCHAR) AS f FROM range(${Math.ceil(((blocks + 1) * blockSize) / 48)})`;
  await conn.run("DROP TABLE IF EXISTS __surveyscope_wipe");
  try {
    await conn.run(`CREATE TABLE __surveyscope_wipe AS ${filler(freeBlocks)}`);
    await checkpoint(conn);
    for (let round = 0, left = await free(); left > 0 && round < 8; round++, left = await free()) {
      await conn.run(`INSERT INTO __surveyscope_wipe ${filler(left * 2)}`);
      await checkpoint(conn);
    }
  } finally {
    await conn.run("DROP TABLE IF EXISTS __surveyscope_wipe");
    await checkpoint(conn);
  }
  return { freeBlocks, ms: Date.now() - t0 };
}

/**
 * CHECKPOINT, waiting for other connections' write transactions (an audit-log append, a sign-in
 * limiter update, a release-history write) to finish: DuckDB refuses a checkpoint while one is
 * open, and `FORCE CHECKPOINT` would abort them. Retries with a growing pause up to `maxMs`.
 *
 * @example await checkpoint(conn)
 */
export async function checkpoint(conn: DuckDBConnection, maxMs = 30_000): Promise<void> {
  const until = Date.now() + maxMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await conn.run("CHECKPOINT");
      return;
    } catch (err) {
      if (!/other write transactions active/i.test(String((err as Error).message)) || Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, Math.min(200, 10 * attempt)));
    }
  }
}
