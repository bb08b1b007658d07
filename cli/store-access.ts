import { isDuckDbLockError } from "@/lib/auth/bootstrap";
import { getWorkspace } from "@/lib/auth/identity";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { openConfiguredStore, type SqlRunner, type SurveyStore } from "@/lib/store";

/**
 * Open the store the app is configured with (PostgreSQL when DATABASE_URL is set, else the DuckDB
 * file under DATA_DIR). PostgreSQL has no lock, the server may keep running; a DuckDB file is
 * locked by a running server, and that failure is answered with `lockedMessage` (what to do instead).
 */
export async function openStoreForCli(lockedMessage: string): Promise<SurveyStore> {
  try {
    return await openConfiguredStore();
  } catch (err) {
    if (isDuckDbLockError(err)) throw new Error(lockedMessage);
    throw err;
  }
}

/**
 * Run `fn` over the configured store's own connection to the application's tables, and close the
 * store afterwards (see `openStoreForCli` for `lockedMessage`).
 * @example await withAppSql("stop the server first", (sql) => listApiTokens(sql, {}));
 */
export async function withAppSql<T>(lockedMessage: string, fn: (sql: SqlRunner) => Promise<T>): Promise<T> {
  const store = await openStoreForCli(lockedMessage);
  try {
    return await fn(store.app.sql);
  } finally {
    await store.close();
  }
}

/** The workspace a `--workspace ID_OR_NAME` option names (default: the Default workspace); an unknown one is an error. */
export async function workspaceOption(sql: SqlRunner, workspace: string | undefined) {
  const ws = await getWorkspace(sql, workspace ?? DEFAULT_WORKSPACE_ID);
  if (!ws) throw new Error(`no such workspace: ${workspace}`);
  return ws;
}
