import "server-only";
import { getIdentity } from "@/lib/auth/server";
import { canSeeDataset, type Viewer } from "@/lib/auth/viewer";
import { can } from "@/lib/auth/permissions";
import { npsAsBreakdown } from "@/lib/analysis/nps-source";
import { getEnv } from "@/lib/schema/env";
import { AppError } from "@/lib/schema/errors";
import type { Dashboard, DashboardTile, SavedView } from "@/lib/schema/views";
import { releaseNps } from "@/lib/services/protected-crosstab";
import { audienceOf } from "@/lib/services/audience";
import { bannerForAudience, crosstabForAudience, gated } from "@/lib/services/gateway";
import { runNps } from "@/lib/services/crosstab";
import { getStore } from "@/lib/store";
import type { Dataset } from "@/lib/schema/dataset";
import type { BreakdownState } from "@/lib/analysis/breakdown-state";
import { toBannerSpec } from "@/lib/analysis/breakdown-state";
import { bannerFigures } from "./banner-tile";
import { viewState } from "./query";
import { describeFilters, describeView, tileFigures, type TileData } from "./tile-model";
import { getViews } from "@/lib/store";

const UNAVAILABLE_DATASET = "Dataset no longer available: it was deleted or is no longer shared with this workspace.";

/**
 * Compute one tile for `viewer`, server-side: only small-cell-protected aggregates (the same
 * protect functions and differencing guard as the analyze page), so executives see pinned charts
 * without being able to open the dataset.
 */
export async function computeTile(viewer: Viewer, tile: DashboardTile, view: SavedView | undefined): Promise<TileData> {
  if (!view) return { status: "unavailable", viewId: tile.viewId, name: "Deleted view", size: tile.size, reason: "view", message: "This saved view was deleted.", analyzeHref: null };
  const analyzeHref = can(viewer.role, "crosstab:run") ? `/datasets/${encodeURIComponent(view.datasetId)}/analyze?${view.query}` : null;
  const base = { viewId: view.id, name: view.name, size: tile.size };
  const store = await getStore();
  const dataset = (await canSeeDataset(viewer, view.datasetId)) ? await store.getDataset(view.datasetId) : null;
  if (!dataset) return { ...base, status: "unavailable", reason: "dataset", message: UNAVAILABLE_DATASET, analyzeHref: null };
  const state = viewState(view.query);
  if (state.view === "banner") return computeBannerTile(viewer, { ...base, analyzeHref }, dataset, state);
  const { title, request } = describeView(state, dataset.questions);
  if (!request) {
    return { ...base, status: "unavailable", reason: "spec", message: "This view no longer matches the dataset's questions: open it in the analysis and save it again.", analyzeHref };
  }
  const env = getEnv();
  const audience = await audienceOf(viewer, dataset.id);
  const opts = { weighted: Boolean(state.weight), minBase: env.MIN_EFFECTIVE_BASE, conf: state.conf ?? 0.95, filters: describeFilters(state.filters, dataset.questions) };
  try {
    let figures: ReturnType<typeof tileFigures>;
    if (request.endpoint === "nps") {
      const shown = await gated(audience, async () => releaseNps(await runNps(store, dataset, request.spec), dataset, viewer));
      // hidden NPS blocks keep the shape the breakdown rows read (display "< k", numbers null); the
      // row counts are the released ones (null when they would tell a hidden segment)
      const rows = (shown as { rows?: { analytic: number | null; csv: number | null } | null }).rows ?? null;
      figures = tileFigures({ ...npsAsBreakdown(shown as unknown as Parameters<typeof npsAsBreakdown>[0]), rows }, opts);
    } else {
      figures = tileFigures(await crosstabForAudience(store, dataset, request.spec, viewer, audience), opts);
    }
    return {
      ...base,
      status: "ready",
      datasetId: dataset.id,
      datasetName: dataset.name,
      title,
      statistic: request.endpoint === "nps" ? "mean" : request.spec.statistic === "mean" ? "mean" : "proportion",
      nps: request.endpoint === "nps",
      ...figures,
      banner: null,
      source: sourceOf(dataset),
      analyzeHref,
    };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const reason = err.code === "forbidden" ? "withheld" : "spec";
    return { ...base, status: "unavailable", reason, message: err.message, analyzeHref };
  }
}

const sourceOf = (d: Dataset) => `${d.name}${d.synthetic && !/synthetic/i.test(d.name) ? " (synthetic data)" : ""}, version ${d.version}`;

/** A banner view: every answer by its segments, through the same protected path as the banner page. */
async function computeBannerTile(viewer: Viewer, base: { viewId: string; name: string; size: DashboardTile["size"]; analyzeHref: string | null }, dataset: Dataset, state: BreakdownState): Promise<TileData> {
  const spec = toBannerSpec(state);
  const label = (id: string) => dataset.questions.find((q) => q.id === id)?.label ?? id;
  if (!spec || !dataset.questions.some((q) => q.id === spec.outcome)) {
    return { ...base, status: "unavailable", reason: "spec", message: "This view no longer matches the dataset's questions: open it in the analysis and save it again." };
  }
  try {
    const result = await bannerForAudience(await getStore(), dataset, spec, viewer, await audienceOf(viewer, dataset.id));
    const { table, ...figures } = bannerFigures(result, { filters: describeFilters(state.filters, dataset.questions) });
    return {
      ...base,
      status: "ready",
      datasetId: dataset.id,
      datasetName: dataset.name,
      title: `${label(spec.outcome)} by ${spec.segments.map(label).join(" and ")}`,
      statistic: result.statistic,
      nps: false,
      ...figures,
      banner: table,
      source: sourceOf(dataset),
    };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { ...base, status: "unavailable", reason: err.code === "forbidden" ? "withheld" : "spec", message: err.message };
  }
}

/** Every tile of a dashboard, in order (one query for the views, then one computation per tile). */
export async function computeTiles(viewer: Viewer, dashboard: Pick<Dashboard, "tiles">): Promise<TileData[]> {
  const sql = (await getIdentity()).sql;
  const views = await getViews(sql, viewer.workspaceId, dashboard.tiles.map((t) => t.viewId));
  const out: TileData[] = [];
  for (const t of dashboard.tiles) out.push(await computeTile(viewer, t, views.get(t.viewId)));
  return out;
}
