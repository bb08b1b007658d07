// POST /api/datasets/{id}/banner/export?format=csv|xlsx|svg|png|pptx[&chart=bars|stacked|stacked100|diverging][&row=r0]
// – the banner table or its chart as a file (small cells hidden, never drawn)
import { bannerChartSvg, bannerExportCharts, defaultBannerChart, type BannerExportChart } from "@/lib/export/banner-chart";
import { bannerToPptx } from "@/lib/export/banner-pptx";
import { bannerToCsv, bannerToGrid, bannerToXlsx } from "@/lib/export/banner-table";
import { contentDisposition, EXPORT_CONTENT_TYPES, svgToPng } from "@/lib/export";
import { bannerSpecSchema } from "@/lib/schema/banner";
import { AppError } from "@/lib/schema/errors";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";
import { runProtectedBanner } from "@/lib/services/banner-server";

export const dynamic = "force-dynamic";

const FORMATS = ["csv", "xlsx", "svg", "png", "pptx"] as const;
type Format = (typeof FORMATS)[number];
const isFormat = (f: string): f is Format => (FORMATS as readonly string[]).includes(f);

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "export:aggregate");
  const params = new URL(req.url).searchParams;
  const format = params.get("format") ?? "csv";
  if (!isFormat(format)) throw new AppError("bad_request", `unknown export format: ${format}`);
  const body = await readJson(req, 64 * 1024);
  const result = await runProtectedBanner(store, dataset, body, viewer);
  const filtered = Object.keys(bannerSpecSchema.safeParse(body).data?.filters ?? {}).length > 0;
  const source = `${dataset.name}${dataset.synthetic ? " (synthetic data)" : ""}, version ${dataset.version}`;

  // chart formats: which chart, and which answer for the single-answer bars
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
  let out: string | Uint8Array<ArrayBuffer>;
  if (format === "csv" || format === "xlsx") {
    const grid = bannerToGrid(result, { source });
    out = format === "csv" ? bannerToCsv(grid) : new Uint8Array(await bannerToXlsx(grid));
  } else if (format === "pptx") {
    out = new Uint8Array(await bannerToPptx(result, { chart: chart!, row, filtered, source, deck: { rasterize: svgToPng } }));
  } else {
    const svg = bannerChartSvg(result, { chart: chart!, row, filtered });
    if (format === "svg") headers["content-security-policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
    out = format === "svg" ? svg : new Uint8Array(await svgToPng(svg));
  }
  await audit(viewer, {
    action: "export:aggregate",
    resourceType: "dataset",
    resourceId: id,
    result: "ok",
    detail: {
      format,
      kind: "banner",
      ...(chart ? { chart, row } : {}),
      version: dataset.version,
      outcome: result.outcome.id,
      segments: [...new Set(result.columns.flatMap((c) => (c.segment ? [c.segment] : [])))],
      suppressedCells: result.disclosure.suppressedCells,
      rows: result.columns[0].n,
    },
  }, req);
  return new Response(out, { headers });
});
