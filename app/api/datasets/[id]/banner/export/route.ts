// POST /api/datasets/{id}/banner/export?format=csv|xlsx – the banner table as a file (small cells hidden)
import { bannerToCsv, bannerToGrid, bannerToXlsx } from "@/lib/export/banner-table";
import { contentDisposition, EXPORT_CONTENT_TYPES } from "@/lib/export";
import { AppError } from "@/lib/schema/errors";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";
import { runProtectedBanner } from "@/lib/services/banner-server";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "export:aggregate");
  const format = new URL(req.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "xlsx") throw new AppError("bad_request", `unknown export format: ${format}`);
  const result = await runProtectedBanner(store, dataset, await readJson(req, 64 * 1024), viewer);
  const grid = bannerToGrid(result, { source: `${dataset.name}${dataset.synthetic ? " (synthetic data)" : ""}, version ${dataset.version}` });
  const headers = {
    "content-type": EXPORT_CONTENT_TYPES[format],
    "content-disposition": contentDisposition(`${dataset.name} ${result.outcome.id} banner`, format),
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  };
  const body = format === "csv" ? bannerToCsv(grid) : new Uint8Array(await bannerToXlsx(grid));
  await audit(viewer, {
    action: "export:aggregate",
    resourceType: "dataset",
    resourceId: id,
    result: "ok",
    detail: {
      format,
      kind: "banner",
      version: dataset.version,
      outcome: result.outcome.id,
      segments: [...new Set(result.columns.flatMap((c) => (c.segment ? [c.segment] : [])))],
      suppressedCells: result.disclosure.suppressedCells,
      rows: result.columns[0].n,
    },
  }, req);
  return new Response(body, { headers });
});
