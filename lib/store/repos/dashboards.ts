import type { SqlRow, SqlRunner } from "../runner/sql-runner";
import { dashboardSchema, dashboardTileSchema, isTextTile, type CreateDashboardInput, type Dashboard } from "@/lib/schema/views";
import { AppError } from "@/lib/schema/errors";
import { z } from "zod";
import { newId } from "./view-ids";
import { getViews } from "./views";

const COLUMNS = "id, workspace_id, name, description, tiles, created_by, updated_at";

function toDashboard(r: SqlRow): Dashboard {
  return dashboardSchema.parse({
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    description: r.description ?? null,
    tiles: z.array(dashboardTileSchema).catch([]).parse(JSON.parse(String(r.tiles))),
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  });
}

/** Every pinned view must be a view of the dashboard's workspace (another's answers like absent). */
async function assertTilesOf(sql: SqlRunner, workspaceId: string, input: CreateDashboardInput): Promise<void> {
  const charts = input.tiles.filter((t) => !isTextTile(t));
  const found = await getViews(sql, workspaceId, charts.map((t) => t.viewId));
  const missing = charts.find((t) => !found.has(t.viewId));
  if (missing) throw new AppError("validation_failed", `no such saved view: ${missing.viewId}`);
}

/**
 * Create a dashboard in a workspace.
 * @example await createDashboard(sql, "default", "u1", { name: "Exec summary", description: null, tiles: [] })
 */
export async function createDashboard(sql: SqlRunner, workspaceId: string, createdBy: string, input: CreateDashboardInput, now = new Date()): Promise<Dashboard> {
  await assertTilesOf(sql, workspaceId, input);
  const d: Dashboard = { id: newId("d"), workspaceId, name: input.name, description: input.description ?? null, tiles: input.tiles, createdBy, updatedAt: now.toISOString() };
  await sql.all(`INSERT INTO dashboards (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    d.id,
    d.workspaceId,
    d.name,
    d.description,
    JSON.stringify(d.tiles),
    d.createdBy,
    d.updatedAt,
  ]);
  return d;
}

/** One dashboard of a workspace, or null (absent and another workspace's look the same). */
export async function getDashboard(sql: SqlRunner, workspaceId: string, id: string): Promise<Dashboard | null> {
  const rows = await sql.all(`SELECT ${COLUMNS} FROM dashboards WHERE id = $1 AND workspace_id = $2`, [id, workspaceId]);
  return rows[0] ? toDashboard(rows[0]) : null;
}

/** The dashboards of a workspace, most recently edited first. */
export async function listDashboards(sql: SqlRunner, workspaceId: string): Promise<Dashboard[]> {
  const rows = await sql.all(`SELECT ${COLUMNS} FROM dashboards WHERE workspace_id = $1 ORDER BY updated_at DESC, id`, [workspaceId]);
  return rows.map(toDashboard);
}

/** Replace name, description and tiles (the layout edit); null when not the workspace's. */
export async function updateDashboard(sql: SqlRunner, workspaceId: string, id: string, input: CreateDashboardInput, now = new Date()): Promise<Dashboard | null> {
  await assertTilesOf(sql, workspaceId, input);
  const rows = await sql.all(
    `UPDATE dashboards SET name = $3, description = $4, tiles = $5, updated_at = $6 WHERE id = $1 AND workspace_id = $2 RETURNING ${COLUMNS}`,
    [id, workspaceId, input.name, input.description ?? null, JSON.stringify(input.tiles), now.toISOString()],
  );
  return rows[0] ? toDashboard(rows[0]) : null;
}

export async function deleteDashboard(sql: SqlRunner, workspaceId: string, id: string): Promise<boolean> {
  const rows = await sql.all(`DELETE FROM dashboards WHERE id = $1 AND workspace_id = $2 RETURNING id`, [id, workspaceId]);
  return rows.length > 0;
}
