/**
 * The in-process harness of the route tests: a fresh DATA_DIR store (embedded DuckDB), an admin
 * and an aggregate-only analyst with API tokens, datasets imported from CSV, and route modules
 * called directly with a bearer request. Nothing here imports the application at load time: call
 * `openFreshDataDir` at the top of the test file, before anything imports the store or the auth.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { Identity } from "@/lib/auth/auth";
import type { Dataset } from "@/lib/schema/dataset";

export const ORIGIN = "http://localhost:3000";

export type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type RouteModule = Partial<Record<string, Handler>>;

/**
 * Point this process at a fresh store in a new temporary DATA_DIR (no PostgreSQL, no per-user
 * query budget, the given auth secret) and return the directory.
 * @example const dataDir = openFreshDataDir("oracle", "oracle-secret-oracle-secret-oracle-0123");
 */
export function openFreshDataDir(name: string, secret: string): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `surveyscope-${name}-`));
  process.env.DATA_DIR = dataDir;
  process.env.QUERY_BUDGET_PER_MINUTE = "0"; // no 429s from the per-user budget
  process.env.BETTER_AUTH_SECRET = secret;
  delete process.env.DATABASE_URL;
  return dataDir;
}

/** Close this process's store and remove its DATA_DIR (in afterAll). */
export async function closeFreshDataDir(dataDir: string): Promise<void> {
  const { getStore } = await import("@/lib/store");
  await (await getStore()).close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export interface SeededUsers {
  identity: Identity;
  admin: { id: string; email: string };
  adminToken: string;
  analyst: { id: string };
  analystToken: string;
}

/**
 * The bootstrap admin `admin@<tag>.test` and an analyst `analyst@<tag>.test` of the default
 * workspace (aggregate-only on datasets they did not upload), each with an API token.
 */
export async function seedAdminAndAnalyst(tag: string): Promise<SeededUsers> {
  const { getIdentity } = await import("@/lib/auth/server");
  const { ensureAdmin } = await import("@/lib/auth/bootstrap");
  const { createApiToken, createUserWithPassword, findUserByEmail } = await import("@/lib/auth/identity");
  const { DEFAULT_WORKSPACE_ID } = await import("@/lib/schema/workspace");
  const identity = await getIdentity();
  await ensureAdmin(identity, { email: `admin@${tag}.test`, password: `${tag}-admin-password-1` });
  const admin = await findUserByEmail(identity.sql, `admin@${tag}.test`);
  if (!admin) throw new Error("seed: no admin");
  const adminToken = (await createApiToken(identity.sql, { userId: admin.id, workspaceId: DEFAULT_WORKSPACE_ID, role: "admin" })).token;
  const analyst = await createUserWithPassword(identity, { email: `analyst@${tag}.test`, password: `${tag}-analyst-password-1`, name: "Analyst", role: "analyst", workspaceId: DEFAULT_WORKSPACE_ID });
  const analystToken = (await createApiToken(identity.sql, { userId: analyst.id, workspaceId: DEFAULT_WORKSPACE_ID, role: "analyst" })).token;
  return { identity, admin: { id: admin.id, email: admin.email }, adminToken, analyst: { id: analyst.id }, analystToken };
}

/** Import `csv` (microdata) as `<id>.csv` uploaded by the admin, owned by a workspace (default: the default one). */
export async function importCsvDataset(meta: { id: string; name: string }, csv: string, workspaceId?: string): Promise<Dataset> {
  const { getStore } = await import("@/lib/store");
  const { getIdentity } = await import("@/lib/auth/server");
  const { setDatasetWorkspace } = await import("@/lib/auth/identity");
  const { DEFAULT_WORKSPACE_ID } = await import("@/lib/schema/workspace");
  const { importDataset } = await import("@/lib/services/import-dataset");
  const store = await getStore();
  const identity = await getIdentity();
  const ds = await importDataset(store, {
    meta: { id: meta.id, name: meta.name, owner: "admin", fileName: `${meta.id}.csv` },
    source: Readable.from([Buffer.from(csv)]),
    options: { format: "microdata" },
  });
  await setDatasetWorkspace(identity.sql, ds.id, workspaceId ?? DEFAULT_WORKSPACE_ID);
  return ds;
}

/** The route module file of an API path: "/api/datasets/{id}/crosstab" → app/api/datasets/[id]/crosstab/route.ts. */
export function routeFile(apiPath: string): string {
  return path.join(process.cwd(), "app", ...apiPath.split("/").filter(Boolean).map((s) => s.replace(/^\{(\w+)\}$/, "[$1]")), "route.ts");
}

/** The route module of an API path, imported in-process. */
export async function routeModule(apiPath: string): Promise<RouteModule> {
  return (await import(routeFile(apiPath))) as RouteModule;
}

/** A request as an API client sends it: a bearer token, and a JSON body when one is given. */
export function bearerRequest(token: string, method: string, pathAndQuery: string, body?: unknown): Request {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  return new Request(`${ORIGIN}${pathAndQuery}`, init);
}

/** Call one method of a route module with its path parameters (as Next.js does). */
export async function callRoute(mod: RouteModule, method: string, req: Request, params: Record<string, string> = {}): Promise<Response> {
  const handler = mod[method];
  if (!handler) throw new Error(`no ${method} handler`);
  return handler(req, { params: Promise.resolve(params) });
}
