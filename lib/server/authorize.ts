import "server-only";
import crypto from "node:crypto";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { rolesFor, type Action } from "@/lib/auth/permissions";
import { canSeeDataset, datasetAccess, getViewerFromHeaders, requireViewer, type Viewer } from "@/lib/auth/viewer";
import { canOnDataset } from "@/lib/auth/workspaces";
import { AppError } from "@/lib/schema/errors";
import type { Dataset } from "@/lib/schema/dataset";
import { getStore, type SurveyStore } from "@/lib/store";
import { audit } from "./audit";
import { chargeQuery } from "./budget";

export { SHARED_ACTIONS } from "@/lib/auth/workspaces";

/**
 * Route handlers: the caller must be signed in (or send a token) with a role allowed to do
 * `action`; for a dataset route the dataset must exist AND be visible to the caller — both
 * failures answer the same 404, so "not yours" cannot be told from "absent". On a dataset shared
 * with the caller (not owned) only SHARED_ACTIONS are allowed (403 otherwise).
 */
export async function authorizeDataset(req: Request, id: string, action: Action): Promise<{ viewer: Viewer; store: SurveyStore; dataset: Dataset }> {
  let viewer: Viewer | null = null;
  try {
    viewer = await requireViewer(req, rolesFor(action));
    const access = await datasetAccess(viewer, id);
    if (access === null) throw new AppError("not_found", `dataset not found: ${id}`);
    if (!canOnDataset(viewer.role, access, action)) throw new AppError("forbidden", "this dataset is shared with you read-only");
    await chargeQuery(viewer, action); // C41: per-user budget for breakdowns and exports (429 + Retry-After)
    const store = await getStore();
    const dataset = await store.getDataset(id);
    if (!dataset) throw new AppError("not_found", `dataset not found: ${id}`);
    const spec = await auditSpecOf(req);
    await audit(viewer, { action, resourceType: "dataset", resourceId: id, result: "allowed", detail: { method: req.method, version: dataset.version, ...(access === "shared" ? { access } : {}), ...spec } }, req);
    return { viewer, store, dataset };
  } catch (err) {
    await auditDenied(viewer, action, id, err, req);
    throw err;
  }
}

/** Specs up to this size are recorded whole in the audit detail; larger ones by hash and size. */
export const AUDIT_SPEC_MAX_BYTES = 256 * 1024;

/**
 * What a dataset request computes, for its audit record: the JSON body (the spec: outcome,
 * categories, segment(s), filters, weight, method, weighting scheme, derived-variable recipe,
 * schema edits…) and the query string (format, emit), plus the body's SHA-256, so an admin can
 * reconstruct a release and recognise a repeated request. Read from a clone: the route reads the
 * body as usual. A body over AUDIT_SPEC_MAX_BYTES or not JSON is recorded by hash and size only.
 *
 * @example
 * await auditSpecOf(req) // { spec: { outcome: "q1", segment: "country", filters: {…} }, specSha256: "…" }
 */
export async function auditSpecOf(req: Request): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const query = new URL(req.url).search;
  if (query) out.query = query.slice(0, 2000);
  if (req.method === "GET" || req.method === "HEAD" || req.method === "DELETE" || req.body === null) return out;
  const text = await req
    .clone()
    .text()
    .catch(() => "");
  if (!text) return out;
  out.specSha256 = crypto.createHash("sha256").update(text, "utf8").digest("hex");
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > AUDIT_SPEC_MAX_BYTES) return { ...out, specBytes: bytes };
  try {
    out.spec = JSON.parse(text) as unknown;
  } catch {
    out.specBytes = bytes;
  }
  return out;
}

/** Route handlers without a dataset. */
export async function authorize(req: Request, action: Action): Promise<Viewer> {
  let viewer: Viewer | null = null;
  try {
    viewer = await requireViewer(req, rolesFor(action));
    if (req.method !== "GET") await audit(viewer, { action, result: "allowed", detail: { method: req.method, path: new URL(req.url).pathname } }, req);
    return viewer;
  } catch (err) {
    await auditDenied(viewer, action, null, err, req);
    throw err;
  }
}

/** Every refusal (no credentials, wrong role, not yours) is on the record, with the reason code. */
async function auditDenied(viewer: Viewer | null, action: Action, id: string | null, err: unknown, req: Request) {
  if (!(err instanceof AppError)) return;
  await audit(viewer, { action, resourceType: id ? "dataset" : null, resourceId: id, result: "denied", detail: { code: err.code, method: req.method } }, req).catch(() => undefined);
}

/** Pages: the signed-in viewer (else to the sign-in page, coming back to `path`), allowed `action`. */
export async function requirePageViewer(action: Action, path: string): Promise<Viewer> {
  const viewer = await getViewerFromHeaders(await headers());
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (!rolesFor(action).includes(viewer.role)) notFound();
  return viewer;
}

/** Pages every signed-in user may open (their own invitations): the viewer, else to sign-in. */
export async function requireSignedInPage(path: string): Promise<Viewer> {
  const viewer = await getViewerFromHeaders(await headers());
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return viewer;
}

/** Pages: 404 unless the viewer may see the dataset. */
export async function requireVisibleDataset(viewer: Viewer, id: string): Promise<void> {
  if (!(await canSeeDataset(viewer, id))) notFound();
}
