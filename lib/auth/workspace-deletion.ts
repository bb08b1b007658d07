import { AppError } from "@/lib/schema/errors";
import { getWorkspace, type SurveyStore, type WorkspaceDeletion } from "@/lib/store";
import type { Viewer } from "./identity";
import { adminWorkspace, PLATFORM_WORKSPACE_ID } from "./workspaces";

/**
 * Delete a workspace the viewer administers, with its datasets, views, dashboards, memberships,
 * invitations, tokens and release histories (one transaction: `SurveyStore.deleteWorkspace`).
 * Refused: an API token (a tenant is deleted in a signed-in session only), a workspace the viewer
 * does not administer (404, like an absent one), the Default workspace, the viewer's current
 * workspace (switch first, so the deletion is recorded in a trail that still exists), and a
 * `confirm` that is not the workspace's name (the typed confirmation).
 *
 * @example
 * await deleteWorkspaceFor(store, viewer, "ws_1", "Partners") // { workspace: { id: "ws_1", name: "Partners" }, deleted: { datasetIds: […], … } }
 */
export async function deleteWorkspaceFor(store: SurveyStore, viewer: Viewer, workspaceId: string, confirm: string): Promise<{ workspace: { id: string; name: string }; deleted: WorkspaceDeletion }> {
  if (viewer.via !== "session") throw new AppError("forbidden", "a workspace is deleted in a signed-in session, not with an API token");
  const sql = store.app.sql;
  const ws = await adminWorkspace(sql, viewer, workspaceId);
  const workspace = await getWorkspace(sql, ws);
  if (!workspace || workspace.id !== ws) throw new AppError("not_found", `workspace not found: ${workspaceId}`);
  if (ws === PLATFORM_WORKSPACE_ID) throw new AppError("conflict", "the Default workspace cannot be deleted");
  if (ws === viewer.workspaceId) throw new AppError("conflict", "this is your current workspace: switch to another one before deleting it");
  if (confirm.trim() !== workspace.name) throw new AppError("validation_failed", "confirm: type the workspace's name exactly to delete it");
  const deleted = await store.deleteWorkspace(ws);
  if (!deleted) throw new AppError("not_found", `workspace not found: ${workspaceId}`);
  return { workspace, deleted };
}
