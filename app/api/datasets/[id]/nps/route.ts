// POST /api/datasets/{id}/nps – Net Promoter Score of a 0–10 question by segment, with CIs
import { AppError } from "@/lib/schema/errors";
import { json } from "@/lib/server/responses";
import { readJson } from "@/lib/server/read-json";
import { route } from "@/lib/server/route";
import { runNps } from "@/lib/services/crosstab";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const store = await getStore();
  const dataset = await store.getDataset(id);
  if (!dataset) throw new AppError("not_found", `dataset not found: ${id}`);
  return json(await runNps(store, dataset, await readJson(req, 64 * 1024)));
});
