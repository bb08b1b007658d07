import pg from "pg";
import { AppError } from "@/lib/schema/errors";
import { ident } from "../sql/params";
import { migrate } from "./migrations";
import { redactUrl } from "./names";

type Param = string | number;

export interface PostgresStoreOptions {
  /** schema holding the store's tables (created if missing); default "public" */
  schema?: string;
  /** pool size per instance (datasets and the application's tables); default 15 */
  max?: number;
  /** give up connecting after this long; default 5000 ms */
  connectionTimeoutMillis?: number;
  /** how long saveQuestions/deleteDataset wait for another instance writing the same id; default 10 s */
  lockTimeoutMillis?: number;
  /** shown in pg_stat_activity; default "surveyscope" */
  applicationName?: string;
}

/** errors meaning "this connection (or the server) went away", not "this statement is wrong" */
const CONNECTION_SQLSTATES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "08P01"]);
const CONNECTION_ERRNOS = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTCONN"]);

export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && (CONNECTION_SQLSTATES.has(code) || CONNECTION_ERRNOS.has(code))) return true;
  return /Connection terminated|connection error|not queryable|terminating connection/i.test(err.message);
}

/**
 * Connect, migrate and return the pool. The schema is `options.schema`, else the URL's
 * `?schema=` parameter (as Prisma spells it), else "public".
 */
export async function openPool(url: string, options: PostgresStoreOptions): Promise<{ pool: pg.Pool; schema: string }> {
  const schema = options.schema ?? schemaFromUrl(url) ?? "public";
  ident(schema); // refuses anything but [a-z_][a-z0-9_]*
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 15,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: options.applicationName ?? "surveyscope",
    // the data tables and the numeric helper are found through the search path
    options: `-c search_path=${schema}`,
  });
  // An idle client whose server went away emits 'error'; without a listener that would crash the
  // process. The pool has already removed the client; the next query opens a new connection.
  pool.on("error", (err) => console.warn(`[store] idle PostgreSQL connection lost: ${err.message}`));
  try {
    const client = await pool.connect();
    try {
      await migrate(client, schema);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    const msg = err instanceof Error ? err.message || (err as { code?: string }).code || String(err) : String(err);
    throw new Error(`cannot open the PostgreSQL store at ${redactUrl(url)}: ${msg}`, { cause: err });
  }
  return { pool, schema };
}

/**
 * How many connections a restart can have left dead in the pool: each is dropped by the query
 * that finds it, so one attempt more than that reaches a fresh connection (or the real error).
 */
function deadClientBound(pool: pg.Pool): number {
  return (pool.options.max ?? 15) + 1;
}

/** a read on the pool, retried on another connection while the one it got was dead (after a restart, every idle one is) */
export async function readQuery(pool: pg.Pool, sql: string, params: Param[] = [], rowMode?: "array"): Promise<pg.QueryResult> {
  const config: pg.QueryConfig = { text: sql, values: params, ...(rowMode ? { rowMode } : {}) };
  for (let attempt = 1; ; attempt++) {
    try {
      return await pool.query(config);
    } catch (err) {
      if (!isConnectionError(err) || attempt >= deadClientBound(pool)) throw mapError(err);
    }
  }
}

/**
 * A pooled client with BEGIN already run. While checked out, a client whose server goes away
 * emits 'error' between queries (e.g. while the ingest parses the next chunk); unhandled, that
 * would crash the process, so it is caught here and the next query on the client fails instead.
 * A connection found dead at BEGIN (nothing sent yet) is replaced, as often as the pool can hold dead ones.
 */
async function begin(pool: pg.Pool, attempt = 1): Promise<{ client: pg.PoolClient; done: (err?: Error) => void }> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error) => (broken = err);
  client.on("error", onError);
  const done = (err?: Error) => {
    client.off("error", onError);
    client.release(broken ?? err);
  };
  try {
    await client.query("BEGIN");
  } catch (err) {
    done(err instanceof Error ? err : new Error(String(err)));
    if (attempt < deadClientBound(pool) && isConnectionError(err)) return begin(pool, attempt + 1);
    throw err;
  }
  return { client, done };
}

/** BEGIN … COMMIT on one client; any throw rolls back (or the server does, when the connection died). */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const { client, done } = await begin(pool);
  try {
    const out = await fn(client);
    await client.query("COMMIT");
    done();
    return out;
  } catch (err) {
    let rollbackFailed: Error | undefined;
    await client.query("ROLLBACK").catch((e: Error) => (rollbackFailed = e));
    done(rollbackFailed ?? (isConnectionError(err) ? (err as Error) : undefined));
    throw mapError(err);
  }
}

function schemaFromUrl(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get("schema") ?? undefined;
  } catch {
    return undefined;
  }
}

/** database errors the API should answer with a proper code */
function mapError(err: unknown): unknown {
  const code = (err as { code?: string } | null)?.code;
  // a table dropped by a delete on another instance between the metadata lookup and the query
  if (code === "42P01") return new AppError("not_found", "dataset not found (deleted)");
  // two instances raced past the lock (should not happen) onto the same (id, version)
  if (code === "23505") return new AppError("conflict", "dataset version already exists");
  return err;
}
