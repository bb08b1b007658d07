// POST /api/datasets/{id}/drivers – key drivers: regression of an outcome on chosen (or default)
// predictor questions — svyglm, LMG importance (linear), Firth under separation — with the R script
import { driversForDataset } from "@/lib/services/drivers-for-dataset";
import { driversResponseSchema } from "@/lib/schema/drivers";
import { respond } from "@/lib/server/respond";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset } = await authorizeDataset(req, id, "crosstab:run");
  const body = await readJson(req, 64 * 1024);
  const report = await driversForDataset(store, dataset, body);
  return respond(driversResponseSchema, { dataset: { id: dataset.id, version: dataset.version }, ...report });
});
