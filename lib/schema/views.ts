import { z } from "zod";

/**
 * Saved views (a named analysis: the analyze page's query string for one dataset) and dashboards
 * (an ordered grid of pinned views), as stored and as the API accepts them.
 *
 * @example
 * createViewSchema.parse({ datasetId: "ai-agents-production", name: "Rollback", query: "outcome=rolled_back&category=Yes&segment=country" })
 */
export const VIEW_ID = /^v-[a-f0-9]{16}$/;
export const DASHBOARD_ID = /^d-[a-f0-9]{16}$/;

const name = z.string().trim().min(1, "give it a name").max(120);

export const savedViewSchema = z.object({
  id: z.string().regex(VIEW_ID),
  workspaceId: z.string(),
  datasetId: z.string(),
  name,
  /** the analyze page's query string (normalised: parsed and re-serialised), without "?" */
  query: z.string().max(4000),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const createViewSchema = z.object({
  datasetId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "unknown dataset id"),
  name,
  query: z.string().max(4000).transform((q) => q.replace(/^\?/, "")),
});
export type CreateViewInput = z.infer<typeof createViewSchema>;

export const TILE_SIZES = ["half", "full"] as const;
/** a text tile's own id (commentary, section headings), in the place a chart tile names its view */
export const TEXT_TILE_ID = /^t-[a-f0-9]{16}$/;
export const MAX_TILE_TEXT = 2000;

/**
 * One tile: a pinned saved view (`viewId` of the view), or a text tile (`viewId` is the tile's own
 * `t-…` id and `text` its plain-text commentary; never rendered as HTML or Markdown).
 */
export const dashboardTileSchema = z
  .object({
    viewId: z.string().refine((id) => VIEW_ID.test(id) || TEXT_TILE_ID.test(id), "unknown view id"),
    size: z.enum(TILE_SIZES).default("half"),
    text: z.string().trim().min(1, "write something in the text tile").max(MAX_TILE_TEXT).optional(),
  })
  .refine((t) => TEXT_TILE_ID.test(t.viewId) === (t.text !== undefined), { message: "a text tile has a t-… id and text; a chart tile has a view id and no text", path: ["text"] });
export type DashboardTile = z.infer<typeof dashboardTileSchema>;

/** Whether a tile is a text tile. */
export const isTextTile = (t: Pick<DashboardTile, "viewId">): boolean => TEXT_TILE_ID.test(t.viewId);

/** at most 24 tiles, each view at most once */
const tiles = z
  .array(dashboardTileSchema)
  .max(24, "a dashboard holds at most 24 tiles")
  .refine((t) => new Set(t.map((x) => x.viewId)).size === t.length, "a view can be pinned only once per dashboard");

export const dashboardSchema = z.object({
  id: z.string().regex(DASHBOARD_ID),
  workspaceId: z.string(),
  name,
  description: z.string().max(500).nullable(),
  tiles: z.array(dashboardTileSchema),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const createDashboardSchema = z.object({
  name,
  description: z.string().trim().max(500).nullish().transform((d) => d || null),
  tiles: tiles.default([]),
});
export type CreateDashboardInput = z.infer<typeof createDashboardSchema>;

/** PUT replaces the whole definition (name, description, tiles in order): the layout edit. */
export const updateDashboardSchema = createDashboardSchema;
export type UpdateDashboardInput = CreateDashboardInput;

/** `GET /api/views`. */
export const viewListResponseSchema = z.object({ views: z.array(savedViewSchema) });
/** `GET /api/views/{id}`, `POST /api/views`. */
export const viewResponseSchema = z.object({ view: savedViewSchema });
/** `GET /api/dashboards`. */
export const dashboardListResponseSchema = z.object({ dashboards: z.array(dashboardSchema) });
/** `POST /api/dashboards`, `PUT /api/dashboards/{id}`. */
export const dashboardResponseSchema = z.object({ dashboard: dashboardSchema });
