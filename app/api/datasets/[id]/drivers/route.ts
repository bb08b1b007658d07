// POST /api/datasets/{id}/drivers – key drivers: regression of an outcome on chosen (or default)
// predictor questions — svyglm, LMG importance (linear), Firth under separation — with the R script;
// for an aggregate-only audience the model must pass the model rules (lib/disclosure/protect-model.ts)
import { driversResponseSchema } from "@/lib/schema/drivers";
import { respondReleased } from "@/lib/server/respond-released";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { releaseDrivers } from "@/lib/services/gateway";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "crosstab:run");
  return respondReleased(driversResponseSchema, await releaseDrivers(store, dataset, await readJson(req, 64 * 1024), viewer));
});
