import "server-only";
import { getStore } from "@/lib/store";
import { listApiTokens, listMembers, type Viewer } from "./identity";
import { getIdentity } from "./server";
import { listDatasetShares, listUserWorkspaces, type DatasetShare } from "./workspaces";
import type { Role } from "./permissions";

export interface AdminOverview {
  currentWorkspaceId: string;
  workspaces: { id: string; name: string; members: { id: string; email: string; name: string; role: Role }[] }[];
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
  const workspaces = await Promise.all(mine.map(async (w) => ({ id: w.id, name: w.name, members: await listMembers(sql, w.id) })));
  const shares = await listDatasetShares(sql, viewer.workspaceId);
  const owned = await sql.all(
    `SELECT d.id FROM datasets d JOIN dataset_owners o ON o.dataset_id = d.id WHERE o.workspace_id = $1 GROUP BY d.id`,
    [viewer.workspaceId],
  );
  const ownedIds = new Set(owned.map((r) => String(r.id)));
  const datasets = (await (await getStore()).listDatasets())
    .filter((d) => ownedIds.has(d.id))
    .map((d) => ({ id: d.id, name: d.name, shares: shares.filter((s) => s.datasetId === d.id) }));
  const activeTokens = (await listApiTokens(sql, { workspaceId: viewer.workspaceId })).filter((t) => !t.revoked).length;
  return { currentWorkspaceId: viewer.workspaceId, workspaces, datasets, activeTokens };
}
