#!/usr/bin/env bash
# The server the end-to-end tests run against: the production build on a fresh store.
set -euo pipefail
export DATA_DIR="${E2E_DATA_DIR:-.data-e2e}"
rm -rf "$DATA_DIR"
if [ "${E2E_SKIP_BUILD:-}" != "1" ]; then npm run -s build; fi
npm run -s seed
exec npx next start -p "${E2E_PORT:-3100}"
