// POST /api/datasets/{id}/crosstab – segment breakdown with survey statistics (golden-case JSON);
// with ?emit=r – an R script (survey package) that reproduces it from the uploaded file
import { protectedCrosstabResponseSchema } from "@/lib/schema/crosstab-protected";
import { respondReleased, sendReleased } from "@/lib/server/respond-released";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { crosstabRScript } from "@/lib/services/crosstab";
import { releaseCrosstab, releaseRScript, requestWeight } from "@/lib/services/gateway";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "crosstab:run");
  const spec = await readJson(req, 64 * 1024);
  if (new URL(req.url).searchParams.get("emit") === "r") return sendReleased(await releaseRScript(viewer, dataset, () => crosstabRScript(dataset, requestWeight(dataset, spec).spec)));
  return respondReleased(protectedCrosstabResponseSchema, await releaseCrosstab(store, dataset, spec, viewer));
});
