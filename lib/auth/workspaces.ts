import { AppError } from "@/lib/schema/errors";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { datasetWorkspace, findUserByEmail, getMembership, getWorkspace, isSharedWith, membershipWorkspaceIds, type SqlRunner } from "@/lib/store";
import type { Viewer } from "./identity";
import { can, type Action, type Role } from "./permissions";

export { listDatasetShares, listUserWorkspaces, type DatasetShare } from "@/lib/store";

/** Cookie choosing the workspace of a signed-in browser (navigation cannot send the header). */
export const WORKSPACE_COOKIE = "surveyscope_ws";

/** How the viewer reaches a dataset: their workspace owns it, it was shared with them, or not at all. */
export type DatasetAccess = "owner" | "shared" | null;

/**
 * What a share grants: reading and aggregate (small-cell protected) analysis. Respondent rows,
 * schema edits, deletion and re-sharing stay with the owning workspace.
 */
export const SHARED_ACTIONS: ReadonlySet<Action> = new Set<Action>(["dataset:read", "crosstab:run", "export:aggregate"]);

/**
 * Whether a viewer with `role` and `access` to a dataset may do `action` on it: the role allows it
 * and the dataset is their workspace's, or shared with them and the action is one a share grants.
 * Routes (`authorizeDataset`) and pages (what the UI offers) decide with this one rule.
 *
 * @example
 * canOnDataset("researcher", "shared", "export:respondents") // false
 * canOnDataset("researcher", "owner", "export:respondents") // true
 */
export function canOnDataset(role: Role, access: DatasetAccess, action: Action): boolean {
  if (access === null || !can(role, action)) return false;
  return access === "owner" || SHARED_ACTIONS.has(action);
}

/**
 * The workspace an admin acts on: their current one by default, another only when a signed-in
 * (session) caller is an admin there. API tokens are bound to their workspace. Anything else
 * answers not_found — a workspace you do not administer looks absent.
 *
 * @example
 * await adminWorkspace(sql, viewer, "ws_abc") // "ws_abc" or throws AppError("not_found")
 */
export async function adminWorkspace(sql: SqlRunner, viewer: Viewer, requested?: string | null): Promise<string> {
  if (!requested || requested === viewer.workspaceId) return viewer.workspaceId;
  if (viewer.via === "session") {
    const member = await getMembership(sql, viewer.userId, requested);
    if (member?.role === "admin") return requested;
  }
  throw new AppError("not_found", `workspace not found: ${requested}`);
}

/**
 * The workspace whose admins are platform admins: the Default (first) workspace, created by the
 * migrations and administered by the bootstrap admin.
 */
export const PLATFORM_WORKSPACE_ID = DEFAULT_WORKSPACE_ID;

/**
 * Whether the viewer is a platform admin: an admin of the Default workspace. A signed-in session
 * qualifies through the membership whatever workspace is current; an API token only when it is
 * bound to the Default workspace with the admin role.
 *
 * @example
 * await isPlatformAdmin(sql, viewer) // true for the bootstrap admin
 */
export async function isPlatformAdmin(sql: SqlRunner, viewer: Viewer): Promise<boolean> {
  if (viewer.via === "token") return viewer.workspaceId === PLATFORM_WORKSPACE_ID && viewer.role === "admin";
  return (await getMembership(sql, viewer.userId, PLATFORM_WORKSPACE_ID))?.role === "admin";
}

/**
 * Credentials and sessions are global (one password per user, whatever the workspace), so only
 * someone who administers EVERY workspace the target belongs to — or a platform admin — may reset
 * them, revoke them or otherwise act on the account as a whole. Anything else is 403. A user may
 * always act on their own account.
 *
 * @example
 * await assertCanManageAccount(sql, wAdmin, defaultAdminId) // throws AppError("forbidden")
 */
export async function assertCanManageAccount(sql: SqlRunner, viewer: Viewer, targetUserId: string): Promise<void> {
  if (targetUserId === viewer.userId) return;
  if (await isPlatformAdmin(sql, viewer)) return;
  for (const ws of await membershipWorkspaceIds(sql, targetUserId)) {
    const administers = viewer.via === "session" ? (await getMembership(sql, viewer.userId, ws))?.role === "admin" : ws === viewer.workspaceId && viewer.role === "admin";
    if (!administers) {
      throw new AppError("forbidden", "this user also belongs to a workspace you do not administer: only a platform admin (or an admin of each of their workspaces) may change their credentials");
    }
  }
}

/**
 * Owner, shared or no access (the latter also for an absent dataset).
 *
 * @example
 * await datasetAccessWith(sql, { userId: "u1", workspaceId: "default" }, "demo") // "owner"
 */
export async function datasetAccessWith(sql: SqlRunner, viewer: Pick<Viewer, "userId" | "workspaceId">, datasetId: string): Promise<DatasetAccess> {
  const owner = await datasetWorkspace(sql, datasetId);
  if (owner === null) return null;
  if (owner === viewer.workspaceId) return "owner";
  return (await isSharedWith(sql, viewer, datasetId)) ? "shared" : null;
}

/**
 * Resolve the target of a share: an existing other workspace (by id or name) and, optionally,
 * one of its members by email. Refuses the owning workspace itself.
 *
 * @example
 * await resolveShareTarget(sql, "default", { workspace: "Partners" }) // { workspaceId: "ws_1", userId: null }
 */
export async function resolveShareTarget(
  sql: SqlRunner,
  ownerWorkspaceId: string,
  input: { workspace: string; email?: string | null },
): Promise<{ workspaceId: string; userId: string | null; email: string | null }> {
  const ws = await getWorkspace(sql, input.workspace);
  if (!ws) throw new AppError("not_found", `workspace not found: ${input.workspace}`);
  if (ws.id === ownerWorkspaceId) throw new AppError("validation_failed", "the dataset already belongs to this workspace");
  if (!input.email) return { workspaceId: ws.id, userId: null, email: null };
  const user = await findUserByEmail(sql, input.email);
  const member = user ? await getMembership(sql, user.id, ws.id) : null;
  if (!user || !member) throw new AppError("not_found", `no member ${input.email} in workspace ${ws.name}`);
  return { workspaceId: ws.id, userId: user.id, email: user.email };
}
