// POST /api/datasets/{id}/crosstab – segment breakdown with survey statistics (golden-case JSON);
// with ?emit=r – an R script (survey package) that reproduces it from the uploaded file
import { protectedCrosstabResponseSchema } from "@/lib/schema/crosstab-protected";
import { respond } from "@/lib/server/respond";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { crosstabRScript } from "@/lib/services/crosstab";
import { runProtectedCrosstab } from "@/lib/services/protected-crosstab";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "crosstab:run");
  const spec = await readJson(req, 64 * 1024);
  if (new URL(req.url).searchParams.get("emit") === "r") {
    return new Response(crosstabRScript(dataset, spec), { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  return respond(protectedCrosstabResponseSchema, await runProtectedCrosstab(store, dataset, spec, viewer));
});
