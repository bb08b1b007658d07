import "server-only";
import { getIdentity } from "@/lib/auth/server";
import type { Viewer } from "@/lib/auth/viewer";
import type { SqlRunner } from "@/lib/store";
import { AppError } from "@/lib/schema/errors";
import { DASHBOARD_ID, VIEW_ID, type Dashboard, type SavedView } from "@/lib/schema/views";
import { getDashboard } from "@/lib/store";
import { getView } from "@/lib/store";

/** The SQL runner of the identity tables (where saved views and dashboards live). */
export async function viewsSql(): Promise<SqlRunner> {
  return (await getIdentity()).sql;
}

/** The viewer's workspace's view, or not_found (absent, malformed id and another workspace's alike). */
export async function requireView(viewer: Viewer, id: string): Promise<SavedView> {
  const view = VIEW_ID.test(id) ? await getView(await viewsSql(), viewer.workspaceId, id) : null;
  if (!view) throw new AppError("not_found", `saved view not found: ${id}`);
  return view;
}

/** The viewer's workspace's dashboard, or not_found (absent, malformed id and another workspace's alike). */
export async function requireDashboard(viewer: Viewer, id: string): Promise<Dashboard> {
  const d = DASHBOARD_ID.test(id) ? await getDashboard(await viewsSql(), viewer.workspaceId, id) : null;
  if (!d) throw new AppError("not_found", `dashboard not found: ${id}`);
  return d;
}
