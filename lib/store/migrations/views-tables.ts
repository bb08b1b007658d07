/**
 * Tables of saved views and dashboards (DuckDB dialect that is also valid PostgreSQL), appended to
 * APP_MIGRATIONS so both backends create them beside the identity tables. Timestamps are ISO
 * strings (like audit_log.occurred_at) so both drivers return the same type; a dashboard's tiles
 * are one JSON text column (ordered, replaced as a whole on every layout edit).
 */
export const VIEWS_MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS saved_views (
     id VARCHAR PRIMARY KEY,
     workspace_id VARCHAR NOT NULL,
     dataset_id VARCHAR NOT NULL,
     name VARCHAR NOT NULL,
     query VARCHAR NOT NULL,
     created_by VARCHAR NOT NULL,
     created_at VARCHAR NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS dashboards (
     id VARCHAR PRIMARY KEY,
     workspace_id VARCHAR NOT NULL,
     name VARCHAR NOT NULL,
     description VARCHAR,
     tiles VARCHAR NOT NULL,
     created_by VARCHAR NOT NULL,
     updated_at VARCHAR NOT NULL
   )`,
];
