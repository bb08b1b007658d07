// POST /api/datasets/{id}/crosstab/export?format=csv|xlsx|svg[&sig=holm] – the breakdown as a file
import { AppError } from "@/lib/schema/errors";
import { exportCrosstab } from "@/lib/server/export-crosstab";
import { readJson } from "@/lib/server/read-json";
import { route } from "@/lib/server/route";
import { runCrosstab } from "@/lib/services/crosstab";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

const CORRECTIONS = new Set(["none", "holm", "bonferroni"] as const);

export const POST = route<{ id: string }>(async (req, { id }) => {
  const store = await getStore();
  const dataset = await store.getDataset(id);
  if (!dataset) throw new AppError("not_found", `dataset not found: ${id}`);
  const url = new URL(req.url);
  const sig = url.searchParams.get("sig") ?? "none";
  if (!CORRECTIONS.has(sig as "none")) throw new AppError("bad_request", `unknown correction: ${sig}`);
  const result = await runCrosstab(store, dataset, await readJson(req, 64 * 1024));
  return exportCrosstab(dataset, result, url.searchParams.get("format") ?? "csv", sig as "none" | "holm" | "bonferroni");
});
