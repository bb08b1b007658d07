import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { rolesFor, type Action } from "@/lib/auth/permissions";
import { assertDatasetVisible, canSeeDataset, getViewerFromHeaders, requireViewer, type Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/schema/errors";
import type { Dataset } from "@/lib/schema/dataset";
import { getStore, type SurveyStore } from "@/lib/store";

/**
 * Route handlers: the caller must be signed in (or send a token) with a role allowed to do
 * `action`; for a dataset route the dataset must exist AND be visible to the caller — both
 * failures answer the same 404, so "not yours" cannot be told from "absent".
 */
export async function authorizeDataset(req: Request, id: string, action: Action): Promise<{ viewer: Viewer; store: SurveyStore; dataset: Dataset }> {
  const viewer = await requireViewer(req, rolesFor(action));
  await assertDatasetVisible(viewer, id);
  const store = await getStore();
  const dataset = await store.getDataset(id);
  if (!dataset) throw new AppError("not_found", `dataset not found: ${id}`);
  return { viewer, store, dataset };
}

/** Route handlers without a dataset. */
export async function authorize(req: Request, action: Action): Promise<Viewer> {
  return requireViewer(req, rolesFor(action));
}

/** Pages: the signed-in viewer (else to the sign-in page, coming back to `path`), allowed `action`. */
export async function requirePageViewer(action: Action, path: string): Promise<Viewer> {
  const viewer = await getViewerFromHeaders(await headers());
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (!rolesFor(action).includes(viewer.role)) notFound();
  return viewer;
}

/** Pages: 404 unless the viewer may see the dataset. */
export async function requireVisibleDataset(viewer: Viewer, id: string): Promise<void> {
  if (!(await canSeeDataset(viewer, id))) notFound();
}
