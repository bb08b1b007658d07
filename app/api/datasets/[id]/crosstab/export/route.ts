// POST /api/datasets/{id}/crosstab/export?format=csv|xlsx|svg[&sig=holm] – the breakdown as a file
import { AppError } from "@/lib/schema/errors";
import { exportCrosstab } from "@/lib/server/export-crosstab";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { runProtectedCrosstab } from "@/lib/server/protected-crosstab";

export const dynamic = "force-dynamic";

const CORRECTIONS = new Set(["none", "holm", "bonferroni"] as const);

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "export:aggregate");
  const url = new URL(req.url);
  const sig = url.searchParams.get("sig") ?? "none";
  if (!CORRECTIONS.has(sig as "none")) throw new AppError("bad_request", `unknown correction: ${sig}`);
  const result = await runProtectedCrosstab(store, dataset, await readJson(req, 64 * 1024), viewer);
  return exportCrosstab(dataset, result, url.searchParams.get("format") ?? "csv", sig as "none" | "holm" | "bonferroni");
});
