import "server-only";
import { getStore, ownedDatasetIds } from "@/lib/store";
import { listApiTokens, type Viewer } from "./identity";
import { membersWithStatus } from "./account-status";
import { PLATFORM_WORKSPACE_ID } from "./workspaces";
import { getIdentity } from "./server";
import { listDatasetShares, listUserWorkspaces, type DatasetShare } from "./workspaces";
import type { Role } from "./permissions";

export interface AdminOverview {
  currentWorkspaceId: string;
  workspaces: {
    id: string;
    name: string;
    members: { id: string; email: string; name: string; role: Role; deactivated: boolean; invited: boolean }[];
    /** datasets the workspace owns (deleted with it) */
    datasetCount: number;
    /** the Default workspace (never deleted) */
    isDefault: boolean;
  }[];
  /** datasets the current workspace owns, with their shares */
  datasets: { id: string; name: string; shares: DatasetShare[] }[];
  activeTokens: number;
}

/**
 * Everything the admin page shows: the workspaces the viewer administers (members of each), the
 * datasets their current workspace owns with who they are shared with, and the token count.
 *
 * @example
 * const overview = await loadAdminOverview(viewer);
 */
export async function loadAdminOverview(viewer: Viewer): Promise<AdminOverview> {
  const { sql } = await getIdentity();
  const mine = (await listUserWorkspaces(sql, viewer.userId)).filter((w) => w.role === "admin" && (viewer.via === "session" || w.id === viewer.workspaceId));
  const workspaces = await Promise.all(
    mine.map(async (w) => ({ id: w.id, name: w.name, members: await membersWithStatus(sql, w.id), datasetCount: (await ownedDatasetIds(sql, w.id)).size, isDefault: w.id === PLATFORM_WORKSPACE_ID })),
  );
  const shares = await listDatasetShares(sql, viewer.workspaceId);
  const ownedIds = await ownedDatasetIds(sql, viewer.workspaceId);
  const datasets = (await (await getStore()).listDatasets())
    .filter((d) => ownedIds.has(d.id))
    .map((d) => ({ id: d.id, name: d.name, shares: shares.filter((s) => s.datasetId === d.id) }));
  const activeTokens = (await listApiTokens(sql, { workspaceId: viewer.workspaceId })).filter((t) => !t.revoked).length;
  return { currentWorkspaceId: viewer.workspaceId, workspaces, datasets, activeTokens };
}
