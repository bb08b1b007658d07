// POST /api/datasets/{id}/drivers – key drivers: survey-weighted regression (svyglm semantics) of
// an outcome on predictor questions, ranked by their strongest term, with the R script
import { driversForDataset } from "@/lib/insights/drivers-for-dataset";
import { AppError } from "@/lib/schema/errors";
import { json } from "@/lib/server/responses";
import { readJson } from "@/lib/server/read-json";
import { route } from "@/lib/server/route";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const store = await getStore();
  const dataset = await store.getDataset(id);
  if (!dataset) throw new AppError("not_found", `dataset not found: ${id}`);
  const body = await readJson(req, 64 * 1024);
  const report = await driversForDataset(store, dataset, body);
  return json({ dataset: { id: dataset.id, version: dataset.version }, ...report });
});
