import pg from "pg";
import { AUTH_MIGRATIONS } from "./migrations";
import type { SqlParam, SqlRow, SqlRunner } from "./sql";

/** advisory lock key serialising the identity migrations of every instance ("SSAU") */
const AUTH_MIGRATION_LOCK = 0x5353_4155;

function normalizeRow(row: SqlRow): SqlRow {
  // count(*) is bigint in PostgreSQL; node-pg returns it as a string
  for (const [k, v] of Object.entries(row)) if (k === "n" && typeof v === "string" && /^\d+$/.test(v)) row[k] = Number(v);
  return row;
}

/** SqlRunner over a node-pg pool (the identity SQL uses `$n` placeholders, valid in both engines). */
export function pgRunner(pool: pg.Pool): SqlRunner {
  const onClient = (client: pg.PoolClient): SqlRunner => {
    const self: SqlRunner = {
      dialect: "postgres",
      all: async (sql, params = []) => (await client.query(sql, params as SqlParam[])).rows.map(normalizeRow),
      transaction: (fn) => fn(self),
    };
    return self;
  };
  return {
    dialect: "postgres",
    all: async (sql, params = []) => (await pool.query(sql, params as SqlParam[])).rows.map(normalizeRow),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(onClient(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };
}

/**
 * A pool for the identity tables in `schema` (the Postgres store's schema: `dataset_owners` and the
 * visibility queries read its `datasets` table), with AUTH_MIGRATIONS applied once across instances.
 */
export async function openIdentityPool(url: string, schema: string): Promise<pg.Pool> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000, application_name: "surveyscope-auth", options: `-c search_path=${schema}` });
  pool.on("error", (err) => console.warn(`[auth] idle PostgreSQL connection lost: ${err.message}`));
  try {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [AUTH_MIGRATION_LOCK]);
      for (const m of AUTH_MIGRATIONS) await client.query(m);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return pool;
}
