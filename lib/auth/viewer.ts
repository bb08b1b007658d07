import "server-only";
import { canSeeDatasetWith, visibleDatasetIdsWith, type Viewer } from "./identity";
import type { Role } from "./permissions";
import { appOrigin, getIdentity } from "./server";
import { datasetAccessWith, listUserWorkspaces, type DatasetAccess } from "./workspaces";
import { assertDatasetVisibleWith, requireViewerWith, resolveViewer } from "./viewer-core";

export type { Viewer } from "./identity";
export { assertCan, WORKSPACE_HEADER } from "./viewer-core";

/** The caller of a route handler (session cookie or `Authorization: Bearer`), or null. */
export async function getViewer(req: Request): Promise<Viewer | null> {
  return resolveViewer(await getIdentity(), req.headers);
}

/** For server components and server actions: `getViewerFromHeaders(await headers())`. */
export async function getViewerFromHeaders(headers: Headers): Promise<Viewer | null> {
  return resolveViewer(await getIdentity(), headers);
}

/**
 * The caller, or throw AppError("unauthorized") (no or bad credentials) / AppError("forbidden")
 * (role not in `allowedRoles`, or a cookie-authenticated cross-origin write).
 */
export async function requireViewer(req: Request, allowedRoles?: readonly Role[]): Promise<Viewer> {
  return requireViewerWith(await getIdentity(), req, appOrigin(), allowedRoles);
}

/** Same workspace, or shared with the viewer's workspace or with the viewer. */
export async function canSeeDataset(viewer: Viewer, datasetId: string): Promise<boolean> {
  return canSeeDatasetWith((await getIdentity()).sql, viewer, datasetId);
}

/** Throw AppError("not_found") unless the viewer may see the dataset (same answer as a missing id). */
export async function assertDatasetVisible(viewer: Viewer, datasetId: string): Promise<void> {
  return assertDatasetVisibleWith(await getIdentity(), viewer, datasetId);
}

/** Ids of every dataset the viewer may see (filter dataset lists with it). */
export async function visibleDatasetIds(viewer: Viewer): Promise<Set<string>> {
  return visibleDatasetIdsWith((await getIdentity()).sql, viewer);
}

/** "owner" (the viewer's workspace owns it), "shared" (read-only share) or null (absent or not theirs). */
export async function datasetAccess(viewer: Viewer, datasetId: string): Promise<DatasetAccess> {
  return datasetAccessWith((await getIdentity()).sql, viewer, datasetId);
}

/** The workspaces of the viewer's user (for the workspace switcher); tokens see only their own. */
export async function viewerWorkspaces(viewer: Viewer) {
  const all = await listUserWorkspaces((await getIdentity()).sql, viewer.userId);
  return viewer.via === "token" ? all.filter((w) => w.id === viewer.workspaceId) : all;
}
