import { timestampValue, type DuckDBConnection, type DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";

/** A SQL parameter as the repositories pass it (`$1`, `$2`, … placeholders). */
export type SqlParam = string | number | boolean | Date | null;
export type SqlRow = Record<string, unknown>;

/**
 * The few SQL primitives the repositories (`lib/store/repos`) need, over the store's own DuckDB
 * instance or PostgreSQL pool. Placeholders are `$1…$n`, which both DuckDB
 * and PostgreSQL accept, so a `pg` implementation is a thin wrapper over `Pool.query`.
 */
export interface SqlRunner {
  /** which engine runs the SQL (DuckDB: one process; PostgreSQL: possibly several instances) */
  readonly dialect?: "duckdb" | "postgres";
  all(sql: string, params?: SqlParam[]): Promise<SqlRow[]>;
  /** run `fn` inside one transaction (BEGIN … COMMIT, ROLLBACK on throw) */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

function toDuck(v: SqlParam): DuckDBValue {
  if (v instanceof Date) return timestampValue(BigInt(v.getTime()) * 1000n);
  return v;
}

function normalizeRow(row: SqlRow): SqlRow {
  for (const [k, v] of Object.entries(row)) if (typeof v === "bigint") row[k] = Number(v);
  return row;
}

async function allOn(conn: DuckDBConnection, sql: string, params: SqlParam[]): Promise<SqlRow[]> {
  const reader = await conn.runAndReadAll(sql, params.map(toDuck));
  return (reader.getRowObjectsJS() as SqlRow[]).map(normalizeRow);
}

const TX_ATTEMPTS = 4;

/**
 * Whether DuckDB refused a transaction because another one changed the same rows first.
 * @example isWriteConflict(new Error("TransactionContext Error: Conflict on update!")) // true
 */
export function isWriteConflict(err: unknown): boolean {
  return err instanceof Error && /Conflict on (update|tuple deletion|insert)|TransactionContext Error: Conflict/i.test(err.message);
}

/** SqlRunner over one DuckDB instance: a fresh connection per statement, one per transaction. */
export function duckdbRunner(instance: DuckDBInstance): SqlRunner {
  return {
    dialect: "duckdb",
    async all(sql, params = []) {
      const conn = await instance.connect();
      try {
        return await allOn(conn, sql, params);
      } finally {
        conn.closeSync();
      }
    },
    async transaction(fn) {
      // DuckDB's optimistic concurrency: a transaction that touched a row another one committed
      // meanwhile fails with "Conflict on update" and is rolled back whole; running it again is
      // the documented remedy (fn must not have effects outside the transaction)
      for (let attempt = 1; ; attempt++) {
        const conn = await instance.connect();
        const tx = connectionRunner(conn);
        await conn.run("BEGIN TRANSACTION");
        try {
          const result = await fn(tx);
          await conn.run("COMMIT");
          return result;
        } catch (err) {
          await conn.run("ROLLBACK").catch(() => undefined);
          if (attempt < TX_ATTEMPTS && isWriteConflict(err)) {
            await new Promise((r) => setTimeout(r, 5 * attempt + Math.floor(Math.random() * 10)));
            continue;
          }
          throw err;
        } finally {
          conn.closeSync();
        }
      }
    },
  };
}

/** SqlRunner bound to one connection that is already inside a transaction (nested = same tx). */
export function connectionRunner(conn: DuckDBConnection): SqlRunner {
  const self: SqlRunner = {
    dialect: "duckdb",
    all: (sql, params = []) => allOn(conn, sql, params),
    transaction: (fn) => fn(self),
  };
  return self;
}

const duckLanes = new Map<string, Promise<unknown>>();

/**
 * Run a read-modify-write on shared state (limiter buckets, release history) so concurrent
 * requests cannot lose updates. PostgreSQL: as is (the SQL itself is atomic: `INSERT … ON CONFLICT
 * DO UPDATE … RETURNING`, row locks). DuckDB: one at a time per `lane` in this process — a DuckDB
 * file has a single process, and its optimistic concurrency would otherwise fail one of two racing
 * upserts. Work on disjoint rows takes its own lane (one viewer's release history), so a long audit
 * never holds up a sign-in.
 *
 * @example
 * const row = await exclusive(sql, () => sql.all(`INSERT … ON CONFLICT … DO UPDATE … RETURNING …`, params));
 */
export function exclusive<T>(sql: SqlRunner, fn: () => Promise<T>, lane = "shared"): Promise<T> {
  if (sql.dialect !== "duckdb") return fn();
  const run = (duckLanes.get(lane) ?? Promise.resolve()).then(fn, fn);
  const tail = run.catch(() => undefined);
  duckLanes.set(lane, tail);
  void tail.then(() => {
    if (duckLanes.get(lane) === tail) duckLanes.delete(lane);
  });
  return run;
}
