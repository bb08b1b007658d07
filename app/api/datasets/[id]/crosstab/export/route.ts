// POST /api/datasets/{id}/crosstab/export?format=csv|xlsx|svg|png|pptx[&sig=holm] – the breakdown as a file,
// built by the disclosure gateway from the released crosstab
import { AppError } from "@/lib/schema/errors";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";
import { sendReleased } from "@/lib/server/respond-released";
import { releaseCrosstabExport } from "@/lib/services/gateway-files";

export const dynamic = "force-dynamic";

const CORRECTIONS = new Set(["none", "holm", "bonferroni"] as const);

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "export:aggregate");
  const url = new URL(req.url);
  const sig = url.searchParams.get("sig") ?? "none";
  if (!CORRECTIONS.has(sig as "none")) throw new AppError("bad_request", `unknown correction: ${sig}`);
  const format = url.searchParams.get("format") ?? "csv";
  const { file, result } = await releaseCrosstabExport(store, dataset, await readJson(req, 64 * 1024), viewer, format, sig as "none" | "holm" | "bonferroni");
  await audit(viewer, {
    action: "export:aggregate",
    resourceType: "dataset",
    resourceId: id,
    result: "ok",
    detail: { format, version: dataset.version, outcome: result.spec.outcome, segment: result.spec.segment, filters: result.spec.filters, rows: result.rows?.analytic ?? null },
  }, req);
  return sendReleased(file);
});
