// POST /api/datasets/{id}/crosstab/export?format=csv|xlsx|svg[&sig=holm] – the breakdown as a file
import { AppError } from "@/lib/schema/errors";
import { exportCrosstab } from "@/lib/services/export-crosstab";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { runProtectedCrosstab } from "@/lib/services/protected-crosstab";
import { audit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

const CORRECTIONS = new Set(["none", "holm", "bonferroni"] as const);

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "export:aggregate");
  const url = new URL(req.url);
  const sig = url.searchParams.get("sig") ?? "none";
  if (!CORRECTIONS.has(sig as "none")) throw new AppError("bad_request", `unknown correction: ${sig}`);
  const result = await runProtectedCrosstab(store, dataset, await readJson(req, 64 * 1024), viewer);
  const format = url.searchParams.get("format") ?? "csv";
  const response = await exportCrosstab(dataset, result, format, sig as "none" | "holm" | "bonferroni");
  await audit(viewer, {
    action: "export:aggregate",
    resourceType: "dataset",
    resourceId: id,
    result: "ok",
    detail: { format, version: dataset.version, outcome: result.spec.outcome, segment: result.spec.segment, filters: result.spec.filters, rows: result.rows?.analytic ?? null },
  }, req);
  return response;
});
