/**
 * Which API operations answer with numbers derived from respondent rows (and so must answer
 * through the disclosure gateway: `respondReleased` / `sendReleased`), and which carry none, with
 * why. Every operation of the OpenAPI document is in exactly one of the two lists
 * (test/security/gateway-routes.test.ts and test/architecture/gateway.test.ts fail otherwise), so a
 * new route has to be classified, and a data route that answers any other way fails the tests.
 */

/** Operations whose answer is built from respondent rows: released by the gateway, every format. */
export const GATEWAY_OPERATIONS = [
  "GET /api/datasets",
  "GET /api/datasets/{id}",
  "GET /api/datasets/{id}/questions",
  "POST /api/datasets/{id}/encoding",
  "PUT /api/datasets/{id}/questions",
  "POST /api/datasets/{id}/weights",
  "POST /api/datasets/{id}/derived",
  "POST /api/datasets/{id}/crosstab",
  "POST /api/datasets/{id}/banner",
  "POST /api/datasets/{id}/nps",
  "POST /api/datasets/{id}/insights",
  "POST /api/datasets/{id}/drivers",
  "POST /api/datasets/{id}/benchmark-compare",
  "POST /api/datasets/{id}/crosstab/export",
  "POST /api/datasets/{id}/banner/export",
  "GET /api/audit",
  "GET /api/dashboards/{id}",
  "GET /api/dashboards/{id}/deck",
] as const;

/**
 * Formats per gateway operation that answers in more than one (each is released separately). The
 * respondent-level export is no gateway operation: its formats are RESPONDENT_EXPORT_FORMATS
 * (lib/schema/respondent-export.ts), each called by test/security/gateway-routes.test.ts.
 */
export const EXPORT_FORMATS: Record<string, readonly string[]> = {
  "POST /api/datasets/{id}/crosstab": ["json", "r"],
  "POST /api/datasets/{id}/crosstab/export": ["csv", "xlsx", "svg", "png", "pptx"],
  "POST /api/datasets/{id}/banner/export": ["csv", "xlsx", "svg", "png", "pptx"],
  "GET /api/audit": ["json", "csv"],
  "GET /api/dashboards/{id}/deck": ["pptx", "pdf"],
};

/**
 * Gateway operations refused whole to an aggregate-only audience (403, no number), with why; the
 * gateway function itself decides (lib/services/gateway.ts), this list is what the tests check.
 */
export const RESPONDENT_ACCESS_ONLY: Record<string, string> = {
  "POST /api/datasets/{id}/weights": "the caller chooses the targets, so the weights' minimum, maximum and mean give each target category's count",
};

const ACCOUNT = "the caller's own account, workspaces and invitations: no respondent data";
const ADMIN = "accounts, workspaces and tokens (admins): no respondent data";
const VIEWS = "saved view definitions (a query string naming questions): no numbers";
const LAYOUT = "dashboard names and layouts (view ids): tiles are computed only by GET /api/dashboards/{id} and the deck";

/** Operations that answer without any number derived from respondent rows, with why. */
export const NO_RESPONDENT_NUMBERS: Record<string, string> = {
  "GET /api/health": "service health",
  "GET /api/openapi.json": "the API's own description",
  "POST /api/auth/sign-in/email": "identity (better-auth)",
  "GET /api/auth/get-session": "identity (better-auth)",
  "POST /api/auth/sign-out": "identity (better-auth)",
  "GET /api/me": ACCOUNT,
  "GET /api/me/invitations": ACCOUNT,
  "DELETE /api/me/invitations/{id}": ACCOUNT,
  "POST /api/me/invitations/{id}/accept": ACCOUNT,
  "POST /api/me/workspace": ACCOUNT,
  "POST /api/datasets": "upload: the uploader's own file, answered to the uploader (respondent access)",
  "DELETE /api/datasets/{id}": "204 without a body",
  "GET /api/datasets/{id}/policy": "the confidentiality policy and whether the caller sees exact numbers",
  "PUT /api/datasets/{id}/policy": "the confidentiality policy and whether the caller sees exact numbers",
  "GET /api/datasets/{id}/shares": "who the dataset is shared with (owning workspace's admins)",
  "POST /api/datasets/{id}/shares": "who the dataset is shared with (owning workspace's admins)",
  "DELETE /api/datasets/{id}/shares": "who the dataset is shared with (owning workspace's admins)",
  "POST /api/datasets/{id}/respondents/export":
    "respondent-level rows (CSV, SAV, XLSX, Parquet: the same rows in each) for respondent access only (researchers and admins of the owning workspace), governed by lib/governance (k-anonymity, identifiers)",
  "GET /api/admin/workspaces": ADMIN,
  "POST /api/admin/workspaces": ADMIN,
  "POST /api/admin/workspaces/{id}/members": ADMIN,
  "DELETE /api/admin/workspaces/{id}/members": ADMIN,
  "GET /api/admin/users": ADMIN,
  "POST /api/admin/users": ADMIN,
  "PATCH /api/admin/users": ADMIN,
  "DELETE /api/admin/workspaces/{id}": ADMIN,
  "POST /api/admin/users/{id}/password-link": ADMIN,
  "PUT /api/admin/users/{id}/status": ADMIN,
  "GET /api/admin/agents": "AI agent credentials (admins): scope, budget, status; no respondent data",
  "POST /api/admin/agents": "AI agent credentials (admins): scope, budget, status; no respondent data",
  "DELETE /api/admin/agents": "AI agent credentials (admins): scope, budget, status; no respondent data",
  "POST /api/account-links/check": "a one-time account link's validity: no respondent data",
  "POST /api/account-links/redeem": "setting a password with a one-time link: no respondent data",
  "GET /api/admin/tokens": ADMIN,
  "POST /api/admin/tokens": ADMIN,
  "DELETE /api/admin/tokens": ADMIN,
  "GET /api/views": VIEWS,
  "POST /api/views": VIEWS,
  "GET /api/views/{id}": VIEWS,
  "DELETE /api/views/{id}": VIEWS,
  "GET /api/dashboards": LAYOUT,
  "POST /api/dashboards": LAYOUT,
  "PUT /api/dashboards/{id}": LAYOUT,
  "DELETE /api/dashboards/{id}": LAYOUT,
};

/**
 * Operations that answer with numbers from respondent rows through the same protected services an
 * aggregate-only analyst gets, but whose answers are not yet sealed as `Released<T>` (listed so the
 * gap is visible and tested, not hidden in either list above).
 */
export const PROTECTED_NOT_SEALED: Record<string, string> = {
  "POST /api/mcp":
    "MCP tools (lib/mcp/tools) call runProtectedCrosstab, runProtectedBanner, driversForDataset, datasetShownTo and the dashboard tiles as an agent (always aggregate-only, its own differencing history); sealing the tool answers is open work",
};
