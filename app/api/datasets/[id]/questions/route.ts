// PUT /api/datasets/{id}/questions – save schema-review edits as a new dataset version
import { datasetSchema } from "@/lib/schema/dataset";
import { respond } from "@/lib/server/respond";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { saveQuestionEdits } from "@/lib/services/save-questions";

export const dynamic = "force-dynamic";

export const PUT = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset } = await authorizeDataset(req, id, "schema:edit");
  return respond(datasetSchema, await saveQuestionEdits(store, dataset, await readJson(req, 1024 * 1024)));
});
