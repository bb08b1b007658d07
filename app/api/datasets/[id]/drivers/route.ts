// POST /api/datasets/{id}/drivers – key drivers: survey-weighted regression (svyglm semantics) of
// an outcome on predictor questions, ranked by their strongest term, with the R script
import { driversForDataset } from "@/lib/insights/drivers-for-dataset";
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
