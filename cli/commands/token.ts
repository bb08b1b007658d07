import path from "node:path";
import { createApiToken, findUserByEmail, getWorkspace, listApiTokens, revokeApiToken } from "@/lib/auth/identity";
import { isDuckDbLockError } from "@/lib/auth/bootstrap";
import { DEFAULT_WORKSPACE_ID } from "@/lib/auth/migrations";
import { roleSchema } from "@/lib/auth/permissions";
import { openIdentityPool, pgRunner } from "@/lib/auth/pg";
import { duckdbRunner, type SqlRunner } from "@/lib/auth/sql";
import { getEnv } from "@/lib/schema/env";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { PostgresStore } from "@/lib/store/postgres/postgres-store";
import { parseCommandArgs } from "../args";

const USAGE = `usage:
  token create --email EMAIL --role ROLE [--workspace ID_OR_NAME]   print a new API token (shown once)
  token revoke --id TOKEN_ID
  token list [--email EMAIL]`;

const LOCKED =
  "the database is in use by the running server: stop the server first, or use the admin API (POST /api/admin/tokens with an admin session)";

async function withSql<T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    // shared PostgreSQL: no lock, the server may keep running; same schema as the store's
    const store = await PostgresStore.open(env.DATABASE_URL);
    const schema = store.schema;
    await store.close();
    const pool = await openIdentityPool(env.DATABASE_URL, schema);
    try {
      return await fn(pgRunner(pool));
    } finally {
      await pool.end();
    }
  }
  const file = path.join(env.DATA_DIR, "surveyscope.duckdb");
  let store: DuckDbStore;
  try {
    store = await DuckDbStore.open(file);
  } catch (err) {
    if (isDuckDbLockError(err)) throw new Error(LOCKED);
    throw err;
  }
  try {
    return await fn(duckdbRunner(store.duckdbInstance));
  } finally {
    await store.close();
  }
}

/** `token create|revoke|list`: API tokens for scripts (`Authorization: Bearer …`); only hashes are stored. */
export async function tokenCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "create") {
    const { values } = parseCommandArgs(rest, { email: { type: "string" }, role: { type: "string" }, workspace: { type: "string" } });
    if (!values.email || !values.role) throw new Error(USAGE);
    const role = roleSchema.parse(values.role);
    return withSql(async (sql) => {
      const user = await findUserByEmail(sql, values.email!);
      if (!user) throw new Error(`no user with email ${values.email}`);
      const ws = await getWorkspace(sql, values.workspace ?? DEFAULT_WORKSPACE_ID);
      if (!ws) throw new Error(`no such workspace: ${values.workspace}`);
      const { id, token } = await createApiToken(sql, { userId: user.id, workspaceId: ws.id, role });
      process.stderr.write(`created token ${id} for ${user.email} (role ${role}, workspace ${ws.name}); it is shown only once:\n`);
      process.stdout.write(`${token}\n`);
      return 0;
    });
  }
  if (sub === "revoke") {
    const { values } = parseCommandArgs(rest, { id: { type: "string" } });
    if (!values.id) throw new Error(USAGE);
    return withSql(async (sql) => {
      if (!(await revokeApiToken(sql, values.id!))) throw new Error(`no active token with id ${values.id}`);
      process.stdout.write(`revoked ${values.id}\n`);
      return 0;
    });
  }
  if (sub === "list") {
    const { values } = parseCommandArgs(rest, { email: { type: "string" } });
    return withSql(async (sql) => {
      const user = values.email ? await findUserByEmail(sql, values.email) : null;
      if (values.email && !user) throw new Error(`no user with email ${values.email}`);
      for (const t of await listApiTokens(sql, { userId: user?.id })) {
        const used = t.lastUsedAt ? t.lastUsedAt.toISOString() : "never";
        process.stdout.write(`${t.id}\t${t.userId}\t${t.workspaceId}\t${t.role}\t${t.revoked ? "revoked" : "active"}\tlast used ${used}\n`);
      }
      return 0;
    });
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}
