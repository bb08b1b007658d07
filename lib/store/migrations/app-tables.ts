/**
 * The application's own tables (DuckDB dialect; the SQL is also valid PostgreSQL), created by both
 * backends at store open after their `datasets` table (one migration list per backend).
 *
 * better-auth's core models live in `auth_*` tables (model names configured in `lib/auth/auth.ts`;
 * `user` is a reserved word in PostgreSQL), column names are better-auth's camelCase field names.
 * Our own tables: workspaces (tenants), memberships (role per user and workspace), API tokens
 * (only the SHA-256 of the token is stored), per-dataset sharing, the audit trail, the state every
 * instance shares, saved views and dashboards.
 */
import { DEFAULT_WORKSPACE_ID, DEFAULT_WORKSPACE_NAME } from "@/lib/schema/workspace";
import { VIEWS_MIGRATIONS } from "./views-tables";
import { AGENT_MIGRATIONS } from "./agent-tables";

/**
 * State every instance must share (several `next start` on one PostgreSQL): the sign-in limiter,
 * the per-user query budget and the differencing guard's release history. Times are epoch ms.
 */
export const SHARED_STATE_MIGRATIONS: readonly string[] = [
  // fixed-window counters of better-auth's rate limiter (key = client IP + path)
  `CREATE TABLE IF NOT EXISTS rate_limits (
     key VARCHAR PRIMARY KEY,
     count INTEGER NOT NULL,
     window_start FLOAT8 NOT NULL
   )`,
  // token buckets of the query budget (key = workspace + user); last_ok: the last take succeeded
  `CREATE TABLE IF NOT EXISTS query_budgets (
     bucket_key VARCHAR PRIMARY KEY,
     tokens FLOAT8 NOT NULL,
     at_ms FLOAT8 NOT NULL,
     last_ok BOOLEAN NOT NULL
   )`,
  // the predicate-keyed history (one dataset version and analysis per key) is replaced by
  // populations per viewer and dataset (viewer_populations); its rows cannot be converted
  `DROP TABLE IF EXISTS viewer_releases`,
  // the populations (respondent ordinals, lib/disclosure/population.ts) each viewer was shown, per
  // dataset whatever the version, analysis or route (history_key = hash of viewer and dataset);
  // kept while the dataset exists (deleting a dataset deletes its rows)
  `CREATE TABLE IF NOT EXISTS viewer_populations (
     history_key VARCHAR NOT NULL,
     population_hash VARCHAR NOT NULL,
     dataset_id VARCHAR NOT NULL,
     members VARCHAR NOT NULL,
     created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
     PRIMARY KEY (history_key, population_hash)
   )`,
  // one row per history_key, upserted first in the check-and-record transaction: its row lock
  // serialises two instances checking the same viewer's history
  `CREATE TABLE IF NOT EXISTS disclosure_locks (
     history_key VARCHAR PRIMARY KEY,
     n INTEGER NOT NULL
   )`,
];

export const APP_MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS auth_user (
     "id" VARCHAR PRIMARY KEY,
     "name" VARCHAR NOT NULL,
     "email" VARCHAR NOT NULL UNIQUE,
     "emailVerified" BOOLEAN NOT NULL DEFAULT FALSE,
     "image" VARCHAR,
     "createdAt" TIMESTAMP NOT NULL,
     "updatedAt" TIMESTAMP NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS auth_session (
     "id" VARCHAR PRIMARY KEY,
     "expiresAt" TIMESTAMP NOT NULL,
     "token" VARCHAR NOT NULL UNIQUE,
     "createdAt" TIMESTAMP NOT NULL,
     "updatedAt" TIMESTAMP NOT NULL,
     "ipAddress" VARCHAR,
     "userAgent" VARCHAR,
     "userId" VARCHAR NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS auth_account (
     "id" VARCHAR PRIMARY KEY,
     "accountId" VARCHAR NOT NULL,
     "providerId" VARCHAR NOT NULL,
     "userId" VARCHAR NOT NULL,
     "accessToken" VARCHAR,
     "refreshToken" VARCHAR,
     "idToken" VARCHAR,
     "accessTokenExpiresAt" TIMESTAMP,
     "refreshTokenExpiresAt" TIMESTAMP,
     "scope" VARCHAR,
     "password" VARCHAR,
     "createdAt" TIMESTAMP NOT NULL,
     "updatedAt" TIMESTAMP NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS auth_verification (
     "id" VARCHAR PRIMARY KEY,
     "identifier" VARCHAR NOT NULL,
     "value" VARCHAR NOT NULL,
     "expiresAt" TIMESTAMP NOT NULL,
     "createdAt" TIMESTAMP NOT NULL,
     "updatedAt" TIMESTAMP NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS workspaces (
     id VARCHAR PRIMARY KEY,
     name VARCHAR NOT NULL,
     created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
   )`,
  `INSERT INTO workspaces (id, name) VALUES ('${DEFAULT_WORKSPACE_ID}', '${DEFAULT_WORKSPACE_NAME}') ON CONFLICT DO NOTHING`,
  `CREATE TABLE IF NOT EXISTS memberships (
     user_id VARCHAR NOT NULL,
     workspace_id VARCHAR NOT NULL,
     role VARCHAR NOT NULL,
     created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
     PRIMARY KEY (user_id, workspace_id)
   )`,
  `CREATE TABLE IF NOT EXISTS api_tokens (
     id VARCHAR PRIMARY KEY,
     user_id VARCHAR NOT NULL,
     workspace_id VARCHAR NOT NULL,
     role VARCHAR NOT NULL,
     token_hash VARCHAR NOT NULL UNIQUE,
     created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
     last_used_at TIMESTAMP,
     revoked BOOLEAN NOT NULL DEFAULT FALSE
   )`,
  `CREATE TABLE IF NOT EXISTS dataset_access (
     dataset_id VARCHAR NOT NULL,
     workspace_id VARCHAR NOT NULL,
     shared_with_user_id VARCHAR,
     created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
   )`,
  // a pending invitation of an EXISTING user to a workspace: the user accepts it themself
  // (POST /api/me/invitations/{id}/accept, signed-in session) — an admin cannot enrol someone
  // else's account in their workspace without that user's consent (unless a platform admin)
  `CREATE TABLE IF NOT EXISTS workspace_invitations (
     id VARCHAR PRIMARY KEY,
     workspace_id VARCHAR NOT NULL,
     user_id VARCHAR NOT NULL,
     role VARCHAR NOT NULL,
     invited_by VARCHAR,
     created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
     UNIQUE (workspace_id, user_id)
   )`,
  // the owning workspace of a dataset, written in the import's own transaction (no row = nobody's,
  // visible to nobody; see `datasetWorkspace()` in lib/store/repos/owners.ts). A table rather than `ALTER TABLE datasets ADD COLUMN`: DuckDB 1.5 fails to replay
  // an ADD COLUMN from the WAL after a crash (caught by lib/store/duckdb/crash-import.test.ts).
  `CREATE TABLE IF NOT EXISTS dataset_owners (
     dataset_id VARCHAR PRIMARY KEY,
     workspace_id VARCHAR NOT NULL
   )`,
  // a dataset's confidentiality policy and uploader (lib/disclosure/audience.ts); no row = protected,
  // uploader unknown (fail closed: nobody but the owning workspace's admins and researchers sees exact numbers)
  `CREATE TABLE IF NOT EXISTS dataset_governance (
     dataset_id VARCHAR PRIMARY KEY,
     policy VARCHAR NOT NULL DEFAULT 'protected',
     uploaded_by VARCHAR,
     updated_by VARCHAR,
     updated_at VARCHAR
   )`,
  // the governed identifier / quasi-identifier status of each stored column (c0…) of a dataset
  // (lib/governance/column-status.ts): detection's proposal written in the import's transaction
  // (source 'detected'), changed only by an admin (source 'admin'); a schema edit never touches it
  `CREATE TABLE IF NOT EXISTS dataset_column_status (
     dataset_id VARCHAR NOT NULL,
     column_name VARCHAR NOT NULL,
     status VARCHAR NOT NULL,
     source VARCHAR NOT NULL,
     decided_by VARCHAR,
     updated_at VARCHAR,
     PRIMARY KEY (dataset_id, column_name)
   )`,
  // the cell-key method's per-dataset secret (lib/disclosure/cell-key): each respondent's record key
  // is derived from it and the row ordinal (identical on both backends); written in the import's
  // transaction, or when the `perturbed` policy is first switched on for an older dataset
  `CREATE TABLE IF NOT EXISTS dataset_cell_key (
     dataset_id VARCHAR PRIMARY KEY,
     secret VARCHAR NOT NULL,
     created_at VARCHAR
   )`,
  // append-only audit trail (lib/audit): each row's hash covers the previous row's hash
  `CREATE TABLE IF NOT EXISTS audit_log (
     seq BIGINT PRIMARY KEY,
     occurred_at VARCHAR NOT NULL,
     workspace_id VARCHAR,
     actor_id VARCHAR,
     actor_email VARCHAR,
     actor_role VARCHAR,
     action VARCHAR NOT NULL,
     resource_type VARCHAR,
     resource_id VARCHAR,
     result VARCHAR NOT NULL,
     detail VARCHAR NOT NULL,
     ip VARCHAR,
     prev_hash VARCHAR NOT NULL,
     hash VARCHAR NOT NULL
   )`,
  // one-time links that let a NEW user set their first password, or reset a password: only the
  // SHA-256 of the secret is stored; used_at set once (lib/store/repos/account-links.ts)
  `CREATE TABLE IF NOT EXISTS account_links (
     token_hash VARCHAR PRIMARY KEY,
     user_id VARCHAR NOT NULL,
     purpose VARCHAR NOT NULL,
     workspace_id VARCHAR,
     created_by VARCHAR,
     created_at VARCHAR NOT NULL,
     expires_at VARCHAR NOT NULL,
     used_at VARCHAR
   )`,
  // deactivated accounts: sign-in refused, sessions and tokens void, data kept
  `CREATE TABLE IF NOT EXISTS user_status (
     user_id VARCHAR PRIMARY KEY,
     deactivated_at VARCHAR,
     deactivated_by VARCHAR
   )`,
  ...SHARED_STATE_MIGRATIONS,
  ...VIEWS_MIGRATIONS,
  ...AGENT_MIGRATIONS,
];
