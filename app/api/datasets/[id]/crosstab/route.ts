// POST /api/datasets/{id}/crosstab – segment breakdown with survey statistics (golden-case JSON);
// with ?emit=r – an R script (survey package) that reproduces it from the uploaded file
import { AppError } from "@/lib/schema/errors";
import { json } from "@/lib/server/responses";
import { readJson } from "@/lib/server/read-json";
import { route } from "@/lib/server/route";
import { crosstabRScript, runCrosstab } from "@/lib/services/crosstab";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const store = await getStore();
  const dataset = await store.getDataset(id);
  if (!dataset) throw new AppError("not_found", `dataset not found: ${id}`);
  const spec = await readJson(req, 64 * 1024);
  if (new URL(req.url).searchParams.get("emit") === "r") {
    return new Response(crosstabRScript(dataset, spec), { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  return json(await runCrosstab(store, dataset, spec));
});
