// PUT /api/datasets/{id}/questions – save schema-review edits as a new dataset version
import { AppError } from "@/lib/schema/errors";
import { json } from "@/lib/server/responses";
import { readJson } from "@/lib/server/read-json";
import { route } from "@/lib/server/route";
import { saveQuestionEdits } from "@/lib/services/save-questions";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

export const PUT = route<{ id: string }>(async (req, { id }) => {
  const store = await getStore();
  const dataset = await store.getDataset(id);
  if (!dataset) throw new AppError("not_found", `dataset not found: ${id}`);
  return json(await saveQuestionEdits(store, dataset, await readJson(req, 1024 * 1024)));
});
