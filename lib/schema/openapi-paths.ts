import { AUTH, authErrors, BODY, dashboardId, datasetId, empty, errors, file, invitationId, json, jsonBody, object, query, ref, viewId } from "./openapi-parts";
import { op, type Operation } from "./openapi-op";
import { ADMIN_OPERATIONS } from "./openapi-paths-admin";
import { RESPONDENT_EXPORT_FORMATS } from "./respondent-export";
import { QUESTION_LIST_QUERY } from "./question-list";
import { ENCODING_IDS } from "@/lib/ingest/encodings";

/**
 * Every operation of the HTTP API (app/api/**\/route.ts): id, summary, who may call it, its
 * parameters and body, and each answer by status (success bodies and the error envelope).
 * lib/schema/openapi.test.ts checks this list against the route files.
 */

export type { Operation, Tag } from "./openapi-op";

const CSV = "text/csv";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
/** dashboard filters, applied to every tile whose dataset has the question */
const dashboardFilter = {
  ...query("filter", { type: "array", maxItems: 8, items: { type: "string", pattern: "^[^=]+=.+$", maxLength: 4000 } }, "repeatable: <question id>=<answer code>|<answer code>"),
  style: "form",
  explode: true,
};
const SAV = "application/x-spss-sav";
const PARQUET = "application/vnd.apache.parquet";
const SVG = "image/svg+xml";
const PNG = "image/png";
const EXPORT_FORMATS = ["csv", "xlsx", "svg", "png", "pptx"];
const SIG = { type: "string", enum: ["none", "holm", "bonferroni"] };

const filters = { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, description: "question id → allowed answer codes" };
const email = { type: "string", format: "email" };

export const OPERATIONS: Record<string, Record<string, Operation>> = {
  "/api/health": {
    get: op("public", "system", "getHealth", "Liveness and store readiness", { responses: { "200": json("the app and its store answer", "Health"), ...errors() } }),
  },
  "/api/openapi.json": {
    get: op("public", "system", "getOpenApiDocument", "This OpenAPI 3.1 document", { responses: { "200": json("the document", "OpenApiDocument"), ...errors() } }),
  },
  "/api/auth/sign-in/email": {
    post: op("public", "auth", "signInEmail", "Sign in with email and password (better-auth); sets the session cookie", {
      description: "Rate-limited; every attempt is written to the audit trail (email and result, never the password). Public sign-up is off: admins create accounts.",
      requestBody: jsonBody("SignInRequest"),
      responses: { "200": json("signed in; the session cookie is set", "SignInResponse"), ...authErrors(400, 401, 403, 415, 429) },
    }),
  },
  "/api/auth/get-session": {
    get: op("session", "auth", "getSession", "The browser's current session (better-auth), or null", { responses: { "200": json("the session and its user, or null", "SessionResponse"), ...authErrors() } }),
  },
  "/api/auth/sign-out": {
    post: op("session", "auth", "signOut", "Sign out: revokes the session and clears the cookie (audited)", {
      requestBody: jsonBody(object({}), "an empty JSON object (better-auth requires a JSON body)"),
      responses: { "200": json("signed out", "SignOutResponse"), ...authErrors(400, 401, 403, 415) },
    }),
  },
  "/api/me": {
    get: op("any", "account", "getMe", "The caller, how they authenticated, and their workspaces", { responses: { "200": json("the caller", "Me"), ...errors(401) } }),
  },
  "/api/me/invitations": {
    get: op("any", "account", "listInvitations", "The caller's pending invitations to other workspaces", { responses: { "200": json("invitations", "InvitationList"), ...errors(...AUTH) } }),
  },
  "/api/me/invitations/{id}": {
    delete: op("session", "account", "declineInvitation", "Decline one of the caller's invitations (a signed-in session only)", {
      parameters: [invitationId],
      responses: { "200": json("declined", "InvitationDeclined"), ...errors(400, ...AUTH, 404) },
    }),
  },
  "/api/me/invitations/{id}/accept": {
    post: op("session", "account", "acceptInvitation", "Accept one of the caller's invitations: join the workspace with the invited role (a signed-in session only; a token is not consent)", {
      parameters: [invitationId],
      responses: { "200": json("joined", "InvitationAccepted"), ...errors(400, ...AUTH, 404) },
    }),
  },
  "/api/me/workspace": {
    post: op("session", "account", "switchWorkspace", "Switch the signed-in browser to another of the user's workspaces (sets the surveyscope_ws cookie)", {
      description: "API tokens are bound to one workspace: with a token this answers 400.",
      requestBody: jsonBody(object({ workspaceId: { type: "string", pattern: "^[A-Za-z0-9_-]{1,100}$" } }, ["workspaceId"])),
      responses: { "200": json("switched", "WorkspaceSwitch"), ...errors(...AUTH, ...BODY, 404) },
    }),
  },
  "/api/datasets": {
    get: op("any", "datasets", "listDatasets", "The datasets the caller may see (latest version of each)", { responses: { "200": json("datasets", "DatasetList"), ...errors(...AUTH) } }),
    post: op("any", "datasets", "uploadDataset", "Upload a survey export (raw file body, streamed); the import is atomic", {
      parameters: [
        query("name", { type: "string", minLength: 1, maxLength: 200 }, "the dataset's name", true),
        query("fileName", { type: "string", maxLength: 300 }),
        query("encoding", { type: "string", maxLength: 40 }, "explicit encoding, e.g. windows-1252"),
        query("format", { type: "string" }, "force a dialect instead of detecting it"),
      ],
      requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } },
      responses: {
        "201": json("the stored dataset", "Dataset"),
        "200": {
          description: "with Accept: application/x-ndjson: progress events, then one done or error event",
          content: { "application/x-ndjson": { schema: { type: "string", contentMediaType: "application/x-ndjson" } } },
        },
        ...errors(...AUTH, 400, 408, 413, 415, 422, 429),
      },
    }),
  },
  "/api/datasets/{id}": {
    get: op("any", "datasets", "getDataset", "One dataset with its question model (option counts and answered bases null under k for an aggregate-only audience)", { parameters: [datasetId], responses: { "200": json("the dataset", "DatasetShown"), ...errors(...AUTH, 404) } }),
    delete: op("any", "datasets", "deleteDataset", "Delete a dataset and its data", { parameters: [datasetId], responses: { "204": empty("deleted"), ...errors(...AUTH, 404) } }),
  },
  "/api/datasets/{id}/encoding": {
    post: op("any", "datasets", "reencodeDataset", "Re-read the uploaded file in another encoding as the next version (a file that was not read as UTF-8)", {
      description:
        "A file that was not valid UTF-8 is imported in a guessed encoding (warning `encoding-assumed`) and its bytes are kept; this re-imports those bytes in the chosen `encoding` as the next version, atomically: on any error the current version stays as it was. `version` must be the latest version (409 otherwise, also when the file was not kept). The new version is a fresh import: review edits made before are not carried over.",
      parameters: [datasetId],
      requestBody: jsonBody(object({ encoding: { type: "string", enum: [...ENCODING_IDS] }, version: { type: "integer", minimum: 1 } }, ["encoding", "version"])),
      responses: { "200": json("the new version", "Dataset"), ...errors(...AUTH, ...BODY, 404, 409) },
    }),
  },
  "/api/datasets/{id}/questions": {
    get: op("any", "datasets", "listQuestions", "One page of the dataset's questions for a question picker (search, role, paging) and the answers of named questions", {
      description:
        "What the question pickers load instead of the whole question model: questions that fit `role` (the picker's rule: outcome, segment, filter, weight, …) and match every word of `q` in the id or label, best first, `limit` from `offset`; `items` carry id, label, type and how many answers are listed. `ids` (comma-separated, up to 100) returns those questions' answers (code and label) for the builders. Read from the caller's question model: for an aggregate-only audience the protected model (every count null, answers of fewer than k respondents unlisted, governed identifiers and free text without values).",
      parameters: [datasetId, ...QUESTION_LIST_QUERY],
      responses: { "200": json("a page of questions", "QuestionList"), ...errors(...AUTH, 404, 422) },
    }),
    put: op("any", "datasets", "saveQuestionEdits", "Save schema-review edits as a new version: bulk rules, per-question edits and the default weight", {
      description:
        "The per-question edits apply first, by id or header text (label, type, option order, value labels `optionLabels` (code → label), missing codes, multi-select layout); then the bulk `rules`, in order, to every single-choice and scale question they match as edited (`missing-labels`: answers with these labels become non-substantive missing codes, listed apart; `scale-order`: every question whose answers are exactly these labels, in any order, gets this order, and with `ordinal` becomes a scale). `defaultWeight` names the weight question the analyze page and new saved views use unless weighting is switched off (null: none; the crosstab and banner operations and their exports apply it too unless the request names a `weight` or says `unweighted`, and answer which weight they used in `weighting`); a default weight retyped as another type is dropped. Questions whose type or missing codes changed are recounted from the data. An unknown question is a 422 naming where it was given.",
      parameters: [datasetId],
      requestBody: jsonBody("SchemaEdits"),
      responses: { "200": json("the new version", "Dataset"), ...errors(...AUTH, ...BODY, 404) },
    }),
  },
  "/api/datasets/{id}/weights": {
    post: op("any", "datasets", "applyWeighting", "Compute rim, cell or per-group weights; saves a new version with the weight unless preview", {
      parameters: [datasetId],
      requestBody: jsonBody(object({ name: { type: "string", minLength: 1, maxLength: 80 }, scheme: ref("WeightingScheme"), preview: { type: "boolean", default: false } }, ["name", "scheme"])),
      responses: { "200": json("preview: the report only", "WeightsResult"), "201": json("saved as a new version", "WeightsResult"), ...errors(...AUTH, ...BODY, 404) },
    }),
  },
  "/api/datasets/{id}/derived": {
    post: op("any", "datasets", "addDerivedVariable", "Add a derived variable (a recode or NET declared as JSON) as a new version", {
      parameters: [datasetId],
      requestBody: jsonBody("DerivedVariable"),
      responses: { "201": json("the new version and its question", "DerivedResult"), ...errors(...AUTH, ...BODY, 404, 409) },
    }),
  },
  "/api/datasets/{id}/policy": {
    get: op("any", "datasets", "getDatasetPolicy", "The dataset's confidentiality policy and whether the caller sees exact numbers (respondent access or an open dataset)", {
      parameters: [datasetId],
      responses: { "200": json("the policy", "DatasetPolicy"), ...errors(...AUTH, 404) },
    }),
    put: op("any", "datasets", "setDatasetPolicy", "Set the dataset's confidentiality policy (its uploader or an admin of the owning workspace) and/or the governed identifier / quasi-identifier status of questions (admins of the owning workspace only); audited", {
      parameters: [datasetId],
      requestBody: jsonBody(
        object({
          policy: { type: "string", enum: ["open", "protected", "perturbed"] },
          columns: { type: "object", additionalProperties: { type: "string", enum: ["identifier", "free-text", "quasi", "none"] } },
        }),
      ),
      responses: { "200": json("the policy", "DatasetPolicy"), ...errors(...AUTH, ...BODY, 404) },
    }),
  },
  "/api/datasets/{id}/shares": {
    get: op("any", "datasets", "listDatasetShares", "Who the dataset is shared with (admins of the owning workspace)", { parameters: [datasetId], responses: { "200": json("shares", "ShareList"), ...errors(...AUTH, 404) } }),
    post: op("any", "datasets", "shareDataset", "Share the dataset (read and aggregate analysis only) with another workspace or one of its members; audited", {
      parameters: [datasetId],
      requestBody: jsonBody(object({ workspace: { type: "string", description: "id or name" }, email: { ...email, type: ["string", "null"] } }, ["workspace"])),
      responses: { "201": json("the dataset's shares", "ShareList"), ...errors(...AUTH, ...BODY, 404) },
    }),
    delete: op("any", "datasets", "unshareDataset", "Stop sharing the dataset with a workspace (or one member); audited", {
      parameters: [datasetId, query("workspace", { type: "string" }, "id or name", true), query("email", email)],
      responses: { "200": json("the remaining shares", "ShareList"), ...errors(...AUTH, 404, 422) },
    }),
  },
  "/api/datasets/{id}/crosstab": {
    post: op("any", "analysis", "runCrosstab", "Segment breakdown with survey statistics (matches R's survey package), small cells hidden", {
      description: "Every number of a cell with fewer than k respondents is null (display \"< k\"), complements too; a release that differs from one the caller already saw by fewer than k respondents is refused (403). Without a `weight` the dataset's default weight applies unless `unweighted` is true; `weighting` says which weight was used and why. With ?emit=r: an R script reproducing the breakdown from the uploaded file.",
      parameters: [datasetId, query("emit", { type: "string", enum: ["r"] }, "r: answer with an R script (text/plain) instead")],
      requestBody: jsonBody("CrosstabSpec"),
      responses: { "200": { ...json("the protected crosstab", "ProtectedCrosstab"), content: { ...json("", "ProtectedCrosstab").content, "text/plain": { schema: { type: "string" } } } }, ...errors(...AUTH, ...BODY, 404, 429) },
    }),
  },
  "/api/datasets/{id}/banner": {
    post: op("any", "analysis", "runBanner", "Banner table: every answer of an outcome by the Total and up to four segment questions, with bases, intervals and significance letters; small cells hidden", {
      description:
        "Without a `weight` the dataset's default weight applies unless `unweighted` is true (`weighting` says which was used). Non-substantive answers (\"Don't know\", \"Prefer not to say\") come last as rows of kind `nonsubstantive`: shares of everyone who answered, not in the base of the other rows. An `outcome` naming a grid (rows × one scale) gives one column per grid row (segments are not used), the scale, NETs and non-substantive answers as rows.",
      parameters: [datasetId],
      requestBody: jsonBody("BannerSpec"),
      responses: { "200": json("the banner table", "BannerResult"), ...errors(...AUTH, ...BODY, 404, 429) },
    }),
  },
  "/api/datasets/{id}/nps": {
    post: op("any", "analysis", "runNps", "Net Promoter Score of a 0–10 question by segment, with design-based intervals; small cells hidden", {
      parameters: [datasetId],
      requestBody: jsonBody(object({ outcome: { type: "string" }, segment: { type: "string" }, weight: { type: "string" }, filters, conf_level: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 } }, ["outcome", "segment"])),
      responses: { "200": json("NPS by segment", "NpsResult"), ...errors(...AUTH, ...BODY, 404, 429) },
    }),
  },
  "/api/datasets/{id}/insights": {
    post: op("any", "analysis", "scanInsights", "Scan every segment question for differences in an outcome share (Benjamini–Hochberg controlled)", {
      parameters: [datasetId],
      requestBody: jsonBody("InsightsRequest"),
      responses: { "200": json("findings, near misses and what was tested", "InsightsResult"), ...errors(...AUTH, ...BODY, 404, 429) },
    }),
  },
  "/api/datasets/{id}/drivers": {
    post: op("any", "analysis", "fitDrivers", "Key drivers: survey-weighted regression (svyglm semantics) with odds ratios and the R script", {
      parameters: [datasetId],
      requestBody: jsonBody(
        object(
          {
            model: { type: "string", enum: ["logistic", "linear"] },
            outcome: { type: "string" },
            outcome_category: { type: "array", items: { type: "string" } },
            predictors: { type: "array", items: { type: "string" }, description: "default: chosen automatically" },
            weight: { type: "string" },
            reference_levels: { type: "object", additionalProperties: { type: "string" } },
            filters,
            conf_level: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.95 },
          },
          ["outcome"],
        ),
      ),
      responses: { "200": json("the fitted model, drivers ranked", "DriversResult"), ...errors(...AUTH, ...BODY, 404, 429) },
    }),
  },
  "/api/datasets/{id}/benchmark-compare": {
    post: op("any", "analysis", "compareToBenchmark", "One published benchmark share against the same share in this dataset: margins of error, difference, z test; small cells refused", {
      parameters: [datasetId],
      requestBody: jsonBody("BenchmarkCompareRequest"),
      responses: { "200": json("the comparison", "BenchmarkCompareResult"), ...errors(...AUTH, ...BODY, 404, 429) },
    }),
  },
  "/api/datasets/{id}/crosstab/export": {
    post: op("any", "exports", "exportCrosstab", "The breakdown as a file (small cells hidden): CSV (UTF-8 BOM, formula-safe), XLSX, SVG, PNG or PPTX", {
      parameters: [datasetId, query("format", { type: "string", enum: EXPORT_FORMATS, default: "csv" }), query("sig", { ...SIG, default: "none" })],
      requestBody: jsonBody("CrosstabSpec"),
      responses: { "200": file("the file", CSV, XLSX, SVG, PNG, PPTX), ...errors(...AUTH, ...BODY, 404, 429) },
    }),
  },
  "/api/datasets/{id}/banner/export": {
    post: op("any", "exports", "exportBanner", "The banner table or its chart as a file (small cells hidden, never drawn)", {
      description:
        "CSV (UTF-8 BOM, formula-safe), formatted XLSX with letters, bases and notes, the chart as SVG (allow-listed elements, no script) or PNG, or a two-slide PPTX (chart image, then the table as a native table).",
      parameters: [
        datasetId,
        query("format", { type: "string", enum: EXPORT_FORMATS, default: "csv" }),
        query(
          "chart",
          { type: "string", enum: ["bars", "stacked", "stacked100", "diverging"] },
          "svg/png/pptx: bars = one answer in every column; stacked / stacked100 = every answer per column; diverging = a Likert scale. 400 when the chart does not suit the outcome.",
        ),
        query("row", { type: "string" }, 'chart=bars: the banner row id ("r0", …) to draw; default the first row'),
      ],
      requestBody: jsonBody("BannerSpec"),
      responses: { "200": file("the file", CSV, XLSX, SVG, PNG, PPTX), ...errors(...AUTH, ...BODY, 404, 429) },
    }),
  },
  "/api/datasets/{id}/respondents/export": {
    post: op("any", "exports", "exportRespondents", "Respondent-level rows of a filtered segment as CSV, SPSS .sav, Excel .xlsx or Parquet (researchers and admins; row cap by role; k-anonymous; audited)", {
      description:
        "Every format carries the same rows under the same governance (allowed columns, k-anonymity by local suppression, the role's row cap, a fresh random row order, an audit record naming the format); only the writer differs. CSV: UTF-8 BOM, formula-safe, suppressed cells `*`. SAV: variable and value labels, suppressed cells system-missing (numeric) or `*` (string), the filters and suppression as document lines. XLSX: sheet \"Respondents\" (numeric questions as numbers, suppressed cells `*` in text columns and empty in number columns) and sheet \"About this export\" (dataset, filters applied, k, cells suppressed, rows, truncated, generated at, the columns' question texts). Parquet: numeric questions DOUBLE, others VARCHAR, missing and suppressed cells null, the same facts as key/value file metadata `surveyscope.*`. Headers: x-rows-truncated (the cap applied), x-k-anonymity-k, x-suppressed-cells, x-quasi-identifiers.",
      parameters: [datasetId, query("format", { type: "string", enum: [...RESPONDENT_EXPORT_FORMATS], default: "csv" })],
      requestBody: jsonBody(
        object(
          {
            columns: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 500, description: "question ids" },
            filters,
            quasiIdentifiers: { type: "array", items: { type: "string" }, maxItems: 500 },
          },
          ["columns"],
        ),
      ),
      responses: { "200": file("the file", CSV, SAV, XLSX, PARQUET), ...errors(...AUTH, ...BODY, 404, 429) },
    }),
  },
  ...ADMIN_OPERATIONS,
  "/api/views": {
    get: op("any", "views", "listViews", "Saved views of the caller's workspace (analysts and up), newest first", {
      parameters: [query("dataset", { type: "string" }, "only views of this dataset")],
      responses: { "200": json("views", "ViewList"), ...errors(...AUTH) },
    }),
    post: op("any", "views", "createView", "Save the analyze page's state (its query string, validated and normalised) as a named view; audited", {
      requestBody: jsonBody("CreateView"),
      responses: { "201": json("the view", "ViewResult"), ...errors(...AUTH, ...BODY, 404) },
    }),
  },
  "/api/views/{id}": {
    get: op("any", "views", "getView", "One saved view (another workspace's answers 404)", { parameters: [viewId], responses: { "200": json("the view", "ViewResult"), ...errors(...AUTH, 404) } }),
    delete: op("any", "views", "deleteView", "Delete a saved view (dashboards show its tile as deleted); audited", { parameters: [viewId], responses: { "204": empty("deleted"), ...errors(...AUTH, 404) } }),
  },
  "/api/dashboards": {
    get: op("any", "dashboards", "listDashboards", "Dashboards of the caller's workspace (every role, viewers included)", { responses: { "200": json("dashboards", "DashboardList"), ...errors(...AUTH) } }),
    post: op("any", "dashboards", "createDashboard", "Create a dashboard (analysts and up); audited", {
      requestBody: jsonBody("CreateDashboard"),
      responses: { "201": json("the dashboard", "DashboardResult"), ...errors(...AUTH, ...BODY) },
    }),
  },
  "/api/dashboards/{id}": {
    get: op("any", "dashboards", "getDashboard", "A dashboard with its tiles computed for the caller (small-cell-protected aggregates only), optionally under dashboard filters; audited", {
      parameters: [dashboardId, dashboardFilter],
      responses: { "200": json("the dashboard and its tiles", "DashboardDetail"), ...errors(...AUTH, 400, 404) },
    }),
    put: op("any", "dashboards", "updateDashboard", "Replace name, description and tiles (order and width): the layout edit; audited", {
      parameters: [dashboardId],
      requestBody: jsonBody("CreateDashboard"),
      responses: { "200": json("the dashboard", "DashboardResult"), ...errors(...AUTH, ...BODY, 404) },
    }),
    delete: op("any", "dashboards", "deleteDashboard", "Delete a dashboard (its saved views stay); audited", { parameters: [dashboardId], responses: { "204": empty("deleted"), ...errors(...AUTH, 404) } }),
  },
  "/api/dashboards/{id}/deck": {
    get: op("any", "dashboards", "getDashboardDeck", "The dashboard as a PowerPoint deck (native, editable charts with benchmark lines) or a PDF of the same slides: a cover, then per tile its title, takeaway, chart, base note and source; audited", {
      parameters: [dashboardId, query("format", { type: "string", enum: ["pptx", "pdf"], default: "pptx" }), dashboardFilter],
      responses: { "200": file("the deck", PPTX, "application/pdf"), ...errors(...AUTH, 400, 404) },
    }),
  },
};
