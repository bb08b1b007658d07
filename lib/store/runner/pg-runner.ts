import type pg from "pg";
import type { SqlParam, SqlRow, SqlRunner } from "./sql-runner";

function normalizeRow(row: SqlRow): SqlRow {
  // count(*) is bigint in PostgreSQL; node-pg returns it as a string
  for (const [k, v] of Object.entries(row)) if (k === "n" && typeof v === "string" && /^\d+$/.test(v)) row[k] = Number(v);
  return row;
}

/** SqlRunner over a node-pg pool (the application's SQL uses `$n` placeholders, valid in both engines). */
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
