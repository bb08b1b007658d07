import "server-only";
/**
 * The disclosure gateway for files and dashboards: every export format (crosstab and banner CSV,
 * XLSX, SVG, PNG, PPTX), dashboard tiles and their deck are built here from released results and
 * sealed, so the routes can only send them with `sendReleased` / `respondReleased`.
 */
import type { Viewer } from "@/lib/auth/viewer";
import type { Audience } from "@/lib/disclosure/audience";
import { seal, type Released, type ReleasedFile } from "@/lib/disclosure/gateway";
import { bannerChartSvg, bannerExportCharts, defaultBannerChart, type BannerExportChart } from "@/lib/export/banner-chart";
import { bannerToPptx } from "@/lib/export/banner-pptx";
import { bannerToCsv, bannerToGrid, bannerToXlsx } from "@/lib/export/banner-table";
import { contentDisposition, EXPORT_CONTENT_TYPES, svgToPng } from "@/lib/export";
import { bannerSpecSchema, type BannerResult } from "@/lib/schema/banner";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Dashboard } from "@/lib/schema/views";
import type { SurveyStore } from "@/lib/store";
import type { Correction } from "@/lib/stats/multiple-comparisons";
import { dashboardDeck, dashboardPdf } from "@/lib/views/deck";
import type { DashboardFilters } from "@/lib/views/dashboard-filters";
import type { TileData } from "@/lib/views/tile-model";
import { computeTiles } from "@/lib/views/tiles";
import { audienceOf } from "./audience";
import { exportCrosstab } from "./export-crosstab";
import { bannerForAudience, crosstabForAudience } from "./gateway";

/**
 * A crosstab as a file (csv, xlsx, svg, png, pptx), built from the released crosstab.
 * @example sendReleased((await releaseCrosstabExport(store, dataset, body, viewer, "csv", "none")).file)
 */
export async function releaseCrosstabExport(store: SurveyStore, dataset: Dataset, body: unknown, viewer: Viewer, format: string, sig: Correction) {
  const audience = await audienceOf(viewer, dataset.id);
  const result = await crosstabForAudience(store, dataset, body, viewer, audience);
  const res = await exportCrosstab(dataset, result, format, sig);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const file: ReleasedFile = { bytes: format === "csv" || format === "svg" ? new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) /* keep the BOM Excel needs */ : bytes, headers: Object.fromEntries(res.headers) };
  return { file: seal("export", audience, file), result };
}

const BANNER_FORMATS = ["csv", "xlsx", "svg", "png", "pptx"] as const;
type BannerFormat = (typeof BANNER_FORMATS)[number];
const isBannerFormat = (f: string): f is BannerFormat => (BANNER_FORMATS as readonly string[]).includes(f);

/** A banner table or chart as a file, built from the released banner (hidden cells never drawn). */
export async function releaseBannerExport(store: SurveyStore, dataset: Dataset, body: unknown, viewer: Viewer, params: URLSearchParams) {
  const format = params.get("format") ?? "csv";
  if (!isBannerFormat(format)) throw new AppError("bad_request", `unknown export format: ${format}`);
  const audience = await audienceOf(viewer, dataset.id);
  const result = await bannerForAudience(store, dataset, body, viewer, audience);
  const filtered = Object.keys(bannerSpecSchema.safeParse(body).data?.filters ?? {}).length > 0;
  const source = `${dataset.name}${dataset.synthetic ? " (synthetic data)" : ""}, version ${dataset.version}`;
  const isChart = format === "svg" || format === "png" || format === "pptx";
  let chart: BannerExportChart | null = null;
  let row: string | undefined;
  if (isChart) {
    const allowed = bannerExportCharts(result);
    const asked = params.get("chart");
    chart = (asked ?? defaultBannerChart(result)) as BannerExportChart;
    if (!allowed.includes(chart)) throw new AppError("bad_request", `chart "${asked}" does not suit this banner; choose one of: ${allowed.join(", ") || "none (every cell is hidden)"}`);
    row = params.get("row") ?? result.rows[0]?.id;
    if (!result.rows.some((r) => r.id === row)) throw new AppError("bad_request", `unknown banner row: ${row}`);
  }
  const headers: Record<string, string> = {
    "content-type": EXPORT_CONTENT_TYPES[format],
    "content-disposition": contentDisposition(`${dataset.name} ${result.outcome.id} banner${chart ? ` ${chart}` : ""}`, format),
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  };
  let bytes: ReleasedFile["bytes"];
  if (format === "csv" || format === "xlsx") {
    const grid = bannerToGrid(result, { source });
    bytes = format === "csv" ? bannerToCsv(grid) : new Uint8Array(await bannerToXlsx(grid));
  } else if (format === "pptx") {
    bytes = new Uint8Array(await bannerToPptx(result, { chart: chart!, row, filtered, source, deck: { rasterize: svgToPng } }));
  } else {
    const svg = bannerChartSvg(result, { chart: chart!, row, filtered });
    if (format === "svg") headers["content-security-policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
    bytes = format === "svg" ? svg : new Uint8Array(await svgToPng(svg));
  }
  return { file: seal("export", audience, { bytes, headers } satisfies ReleasedFile), result: result as BannerResult, format, chart, row };
}

/** The most protective audience among a dashboard's datasets (exact only if every dataset is). */
async function dashboardAudience(viewer: Viewer, tiles: readonly TileData[]): Promise<Audience> {
  const ids = [...new Set(tiles.flatMap((t) => (t.status === "ready" ? [t.datasetId] : [])))];
  const audiences = await Promise.all(ids.map((id) => audienceOf(viewer, id)));
  return audiences.find((a) => a.kind === "aggregate" && !a.exact) ?? audiences.find((a) => a.kind === "aggregate") ?? audiences[0] ?? { kind: "aggregate", exact: false, why: "aggregate-only" };
}

/** A dashboard with its tiles, each computed through the gateway for the viewer. */
export async function releaseDashboard(viewer: Viewer, dashboard: Dashboard, filters: DashboardFilters = {}) {
  const tiles = await computeTiles(viewer, dashboard, filters);
  return seal("dashboard", await dashboardAudience(viewer, tiles), { dashboard, tiles });
}

/** A dashboard as a PowerPoint deck (native charts) or a PDF of the same slides, from the released tiles. */
export async function releaseDeck(viewer: Viewer, dashboard: Dashboard, filters: DashboardFilters = {}, format: "pptx" | "pdf" = "pptx"): Promise<{ file: Released<ReleasedFile>; tiles: TileData[] }> {
  const tiles = await computeTiles(viewer, dashboard, filters);
  const deck = format === "pdf" ? await dashboardPdf(dashboard, tiles) : await dashboardDeck(dashboard, tiles);
  const headers = {
    "content-type": EXPORT_CONTENT_TYPES[format],
    "content-disposition": contentDisposition(dashboard.name, format),
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  };
  return { file: seal("export", await dashboardAudience(viewer, tiles), { bytes: new Uint8Array(deck), headers }), tiles };
}
