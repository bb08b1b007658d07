import type { SqlRow, SqlRunner } from "../runner/sql-runner";
import { savedViewSchema, type SavedView } from "@/lib/schema/views";
import { newId } from "./view-ids";

const COLUMNS = "id, workspace_id, dataset_id, name, query, created_by, created_at";

function toView(r: SqlRow): SavedView {
  return savedViewSchema.parse({
    id: r.id,
    workspaceId: r.workspace_id,
    datasetId: r.dataset_id,
    name: r.name,
    query: r.query,
    createdBy: r.created_by,
    createdAt: r.created_at,
  });
}

/**
 * Store a saved view (the query must already be normalised, see `normalizeViewQuery`).
 * @example await createView(sql, { workspaceId: "default", datasetId: "demo", name: "Rollback", query: "outcome=q1&category=Yes&segment=c", createdBy: "u1" })
 */
export async function createView(sql: SqlRunner, input: Omit<SavedView, "id" | "createdAt">, now = new Date()): Promise<SavedView> {
  const view: SavedView = { ...input, id: newId("v"), createdAt: now.toISOString() };
  await sql.all(`INSERT INTO saved_views (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    view.id,
    view.workspaceId,
    view.datasetId,
    view.name,
    view.query,
    view.createdBy,
    view.createdAt,
  ]);
  return view;
}

/** One view of a workspace, or null (absent and another workspace's look the same). */
export async function getView(sql: SqlRunner, workspaceId: string, id: string): Promise<SavedView | null> {
  const rows = await sql.all(`SELECT ${COLUMNS} FROM saved_views WHERE id = $1 AND workspace_id = $2`, [id, workspaceId]);
  return rows[0] ? toView(rows[0]) : null;
}

/** The views of a workspace (optionally of one dataset), newest first. */
export async function listViews(sql: SqlRunner, workspaceId: string, datasetId?: string | null): Promise<SavedView[]> {
  const rows = await sql.all(
    `SELECT ${COLUMNS} FROM saved_views WHERE workspace_id = $1 AND ($2::VARCHAR IS NULL OR dataset_id = $2) ORDER BY created_at DESC, id`,
    [workspaceId, datasetId ?? null],
  );
  return rows.map(toView);
}

/** Several views of a workspace by id (missing ids are simply absent from the map). */
export async function getViews(sql: SqlRunner, workspaceId: string, ids: readonly string[]): Promise<Map<string, SavedView>> {
  if (!ids.length) return new Map();
  const rows = await sql.all(
    `SELECT ${COLUMNS} FROM saved_views WHERE workspace_id = $1 AND id IN (${ids.map((_, i) => `$${i + 2}`).join(", ")})`,
    [workspaceId, ...ids],
  );
  return new Map(rows.map((r) => [String(r.id), toView(r)]));
}

/** Delete a view of the workspace; dashboards keep the tile and show it as deleted. */
export async function deleteView(sql: SqlRunner, workspaceId: string, id: string): Promise<boolean> {
  const rows = await sql.all(`DELETE FROM saved_views WHERE id = $1 AND workspace_id = $2 RETURNING id`, [id, workspaceId]);
  return rows.length > 0;
}
