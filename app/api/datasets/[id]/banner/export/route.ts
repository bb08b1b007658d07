// POST /api/datasets/{id}/banner/export?format=csv|xlsx|svg|png|pptx[&chart=bars|stacked|stacked100|diverging][&row=r0]
// – the banner table or its chart as a file, built by the disclosure gateway (small cells hidden, never drawn)
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";
import { sendReleased } from "@/lib/server/respond-released";
import { releaseBannerExport } from "@/lib/services/gateway-files";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "export:aggregate");
  const params = new URL(req.url).searchParams;
  const body = await readJson(req, 64 * 1024);
  const { file, result, format, chart, row } = await releaseBannerExport(store, dataset, body, viewer, params);
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
  return sendReleased(file);
});
