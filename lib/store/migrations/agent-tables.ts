/**
 * Agent credentials (issue 20): an AI agent's own principal, created by an admin, bound to one
 * workspace, a list of datasets and MCP tools, an expiry and a query budget. Only the token's
 * SHA-256 is stored. Timestamps are ISO strings (like `audit_log.occurred_at`) so both drivers
 * return the same type; the dataset and tool lists are JSON text. Appended to APP_MIGRATIONS.
 */
export const AGENT_MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS agent_credentials (
     id VARCHAR PRIMARY KEY,
     name VARCHAR NOT NULL,
     workspace_id VARCHAR NOT NULL,
     created_by VARCHAR NOT NULL,
     created_by_email VARCHAR NOT NULL,
     datasets VARCHAR NOT NULL,
     tools VARCHAR NOT NULL,
     expires_at VARCHAR NOT NULL,
     budget_total BIGINT NOT NULL,
     budget_used BIGINT NOT NULL DEFAULT 0,
     token_hash VARCHAR NOT NULL UNIQUE,
     created_at VARCHAR NOT NULL,
     last_used_at VARCHAR,
     revoked_at VARCHAR,
     revoked_by VARCHAR
   )`,
];
