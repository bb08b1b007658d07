import "server-only";
import { getIdentity } from "@/lib/auth/server";
import { canSeeDataset, type Viewer } from "@/lib/auth/viewer";
import { can } from "@/lib/auth/permissions";
import { npsAsBreakdown } from "@/lib/analysis/nps-source";
import { getEnv } from "@/lib/schema/env";
import { AppError } from "@/lib/schema/errors";
import { isTextTile, type Dashboard, type DashboardTile, type SavedView } from "@/lib/schema/views";
import { audienceOf } from "@/lib/services/audience";
import { bannerForAudience, crosstabForAudience, npsForAudience } from "@/lib/services/gateway";
import { getStore } from "@/lib/store";
import type { Dataset } from "@/lib/schema/dataset";
import type { BreakdownState } from "@/lib/analysis/breakdown-state";
import { toBannerSpec } from "@/lib/analysis/breakdown-state";
import { findGrid } from "@/lib/services/grid-banner";
import { bannerFigures } from "./banner-tile";
import { viewHrefQuery, viewState } from "./query";
import { describeFilters, describeView, segmentLabels, tileFigures, type TileData } from "./tile-model";
import { getViews } from "@/lib/store";
import { loadBenchmarks } from "@/lib/services/load-benchmarks";
import { tileReferences } from "./tile-references";
import { mergeFilters, type DashboardFilters } from "./dashboard-filters";
import { textTileName } from "./layout";

const UNAVAILABLE_DATASET = "Dataset no longer available: it was deleted or is no longer shared with this workspace.";

/**
 * Compute one tile for `viewer`, server-side: only small-cell-protected aggregates (the same
 * protect functions and differencing guard as the analyze page), so executives see pinned charts
 * without being able to open the dataset.
 */
export async function computeTile(viewer: Viewer, tile: DashboardTile, view: SavedView | undefined, dashboardFilters: DashboardFilters = {}): Promise<TileData> {
  if (isTextTile(tile)) return { status: "text", viewId: tile.viewId, name: textTileName(tile.text ?? ""), size: tile.size, text: tile.text ?? "", analyzeHref: null };
  if (!view) return { status: "unavailable", viewId: tile.viewId, name: "Deleted view", size: tile.size, reason: "view", message: "This saved view was deleted.", analyzeHref: null };
  const analyzeHref = can(viewer.role, "crosstab:run") ? `/datasets/${encodeURIComponent(view.datasetId)}/analyze?${viewHrefQuery(view.query)}` : null;
  const base = { viewId: view.id, name: view.name, size: tile.size };
  const store = await getStore();
  const dataset = (await canSeeDataset(viewer, view.datasetId)) ? await store.getDataset(view.datasetId) : null;
  if (!dataset) return { ...base, status: "unavailable", reason: "dataset", message: UNAVAILABLE_DATASET, analyzeHref: null };
  const own = viewState(view.query);
  const merged = mergeFilters(own.filters, dashboardFilters, dataset.questions.map((q) => q.id));
  if (merged.disjoint.length) {
    const names = merged.disjoint.map((id) => dataset.questions.find((q) => q.id === id)?.label ?? id).join(", ");
    return { ...base, status: "unavailable", reason: "spec", message: `The dashboard filter on ${names} keeps none of the answers this view is filtered to.`, analyzeHref };
  }
  const state = { ...own, filters: merged.filters };
  const skipped = merged.notApplicable.length ? ` · dashboard filter not applied (not in this dataset): ${merged.notApplicable.join(", ")}` : "";
  if (state.view === "banner") return withNote(await computeBannerTile(viewer, { ...base, analyzeHref }, dataset, state), skipped);
  const { title, request } = describeView(state, dataset.questions);
  if (!request) {
    return { ...base, status: "unavailable", reason: "spec", message: "This view no longer matches the dataset's questions: open it in the analysis and save it again.", analyzeHref };
  }
  return withNote(await computeCrosstabTile(viewer, { ...base, analyzeHref }, dataset, state, title, request), skipped);
}

/** Append a note to a ready tile's base note. */
function withNote(t: TileData, note: string): TileData {
  return note && t.status === "ready" ? { ...t, baseNote: `${t.baseNote}${note}` } : t;
}

type TileBase = { viewId: string; name: string; size: DashboardTile["size"]; analyzeHref: string | null };

/** A single-answer (or NPS) view through the protected crosstab. */
async function computeCrosstabTile(viewer: Viewer, base: TileBase, dataset: Dataset, state: BreakdownState, title: string, request: NonNullable<ReturnType<typeof describeView>["request"]>): Promise<TileData> {
  const store = await getStore();
  const analyzeHref = base.analyzeHref;
  const env = getEnv();
  const audience = await audienceOf(viewer, dataset.id);
  const opts = { weighted: Boolean(state.weight), minBase: env.MIN_EFFECTIVE_BASE, conf: state.conf ?? 0.95, filters: describeFilters(state.filters, dataset.questions), labels: segmentLabels(state.segment, dataset.questions) };
  try {
    let figures: ReturnType<typeof tileFigures>;
    if (request.endpoint === "nps") {
      const shown = await npsForAudience(store, dataset, request.spec, viewer, audience);
      // hidden NPS blocks keep the shape the breakdown rows read (display "< k", numbers null); the
      // row counts are the released ones (null when they would tell a hidden segment)
      const rows = (shown as { rows?: { analytic: number | null; csv: number | null } | null }).rows ?? null;
      figures = tileFigures({ ...npsAsBreakdown(shown as unknown as Parameters<typeof npsAsBreakdown>[0]), rows }, { ...opts, perturbed: (shown as { disclosure?: { perturbed?: boolean } }).disclosure?.perturbed === true });
    } else {
      const result = await crosstabForAudience(store, dataset, request.spec, viewer, audience);
      figures = tileFigures(result, { ...opts, perturbed: result.disclosure.perturbed === true });
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
      references:
        request.endpoint === "nps" || request.spec.statistic === "mean"
          ? []
          : tileReferences(loadBenchmarks().figures, { datasetId: dataset.id, outcome: state.outcome ?? "", category: state.category, filters: state.filters }),
      banner: null,
      bannerResult: null,
      chartKind: null,
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
async function computeBannerTile(viewer: Viewer, base: TileBase, dataset: Dataset, state: BreakdownState): Promise<TileData> {
  const grid = findGrid(dataset, state.outcome ?? "") !== null;
  const spec = toBannerSpec(state, { grid });
  const label = (id: string) => dataset.questions.find((q) => q.id === id)?.label ?? id;
  if (!spec || (!grid && !dataset.questions.some((q) => q.id === spec.outcome))) {
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
      references: [],
      banner: table,
      bannerResult: result,
      chartKind: state.chart ?? null,
      source: sourceOf(dataset),
    };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { ...base, status: "unavailable", reason: err.code === "forbidden" ? "withheld" : "spec", message: err.message };
  }
}

/** Every tile of a dashboard, in order (one query for the views, then one computation per tile). */
export async function computeTiles(viewer: Viewer, dashboard: Pick<Dashboard, "tiles">, filters: DashboardFilters = {}): Promise<TileData[]> {
  const sql = (await getIdentity()).sql;
  const views = await getViews(sql, viewer.workspaceId, dashboard.tiles.filter((t) => !isTextTile(t)).map((t) => t.viewId));
  const out: TileData[] = [];
  for (const t of dashboard.tiles) out.push(await computeTile(viewer, t, views.get(t.viewId), filters));
  return out;
}
