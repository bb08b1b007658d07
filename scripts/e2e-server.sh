#!/usr/bin/env bash
# The server the end-to-end tests run against: the production build on a fresh store.
# E2E_BACKEND=postgres runs the same build on PostgreSQL (multi-instance mode) in a fresh schema
# of E2E_PG_URL (default: the local CI/dev server's `test` database).
set -euo pipefail
export DATA_DIR="${E2E_DATA_DIR:-.data-e2e}"
rm -rf "$DATA_DIR"
if [ "${E2E_BACKEND:-duckdb}" = "postgres" ]; then
  base="${E2E_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
  schema="ss_e2e_${E2E_PORT:-3100}"
  PGOPTIONS="--client-min-messages=warning" psql "$base" -qX -v ON_ERROR_STOP=1 -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null
  export DATABASE_URL="$base?schema=$schema"
  echo "e2e server on PostgreSQL schema $schema"
fi
if [ "${E2E_SKIP_BUILD:-}" != "1" ]; then npm run -s build; fi
npm run -s seed
exec npx next start -p "${E2E_PORT:-3100}"
