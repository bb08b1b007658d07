import { z } from "zod";
import { dashboardSchema, dashboardTileSchema } from "./views";
import { bannerResultSchema } from "./banner";
import { CHART_KINDS } from "@/lib/analysis/banner-chart-data-kinds";

/**
 * `GET /api/dashboards/{id}`: the dashboard with each tile computed for the caller (lib/views
 * `TileData`): small-cell-protected chart rows ready to draw, or why the tile is unavailable.
 *
 * @example dashboardDetailResponseSchema.parse(body).tiles[0].status // "ready"
 */

/** One chart row on the display scale (percent points for shares); lib/analysis `ChartDatum`. */
export const chartDatumSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  lo: z.number().nullable(),
  hi: z.number().nullable(),
  n: z.number(),
  isTotal: z.boolean(),
  lowBase: z.boolean(),
  valueText: z.string(),
  ciText: z.string(),
  baseText: z.string(),
});

/** A banner view's compact table: every answer by every column, formatted. */
export const bannerTileTableSchema = z.object({
  columns: z.array(z.object({ id: z.string(), label: z.string(), group: z.string().nullable() })),
  rows: z.array(z.object({ id: z.string(), label: z.string(), cells: z.array(z.string()) })),
});

const tileBase = { viewId: z.string(), name: z.string(), size: dashboardTileSchema.shape.size.unwrap(), analyzeHref: z.string().nullable() };

export const readyTileSchema = z.object({
  ...tileBase,
  status: z.literal("ready"),
  datasetId: z.string(),
  datasetName: z.string(),
  title: z.string(),
  statistic: z.enum(["proportion", "mean"]),
  nps: z.boolean(),
  chart: z.array(chartDatumSchema),
  /** groups hidden by small-cell protection (not in `chart`) */
  hiddenCount: z.number().int().nonnegative(),
  /** published figures measuring the same share overall, drawn as reference lines (percent points) */
  references: z.array(z.object({ value: z.number(), label: z.string(), figureId: z.string() })),
  banner: bannerTileTableSchema.nullable(),
  /** banner views: the released banner, drawn with the chart kind saved with the view */
  bannerResult: bannerResultSchema.nullable(),
  chartKind: z.enum(CHART_KINDS).nullable(),
  baseNote: z.string(),
  source: z.string(),
});

export const unavailableTileSchema = z.object({
  ...tileBase,
  status: z.literal("unavailable"),
  reason: z.enum(["view", "dataset", "spec", "withheld"]),
  message: z.string(),
});

/** A text tile: the editor's commentary, plain text (shown as text, never as markup). */
export const textTileSchema = z.object({
  ...tileBase,
  status: z.literal("text"),
  text: z.string(),
});

export const tileSchema = z.discriminatedUnion("status", [readyTileSchema, unavailableTileSchema, textTileSchema]);
export type Tile = z.infer<typeof tileSchema>;

export const dashboardDetailResponseSchema = z.object({ dashboard: dashboardSchema, tiles: z.array(tileSchema) });
export type DashboardDetailResponse = z.infer<typeof dashboardDetailResponseSchema>;
