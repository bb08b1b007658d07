// PUT /api/datasets/{id}/questions – save schema-review edits as a new dataset version
import { datasetSchema } from "@/lib/schema/dataset";
import { respond } from "@/lib/server/respond";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";
import { saveQuestionEdits } from "@/lib/services/save-questions";

export const dynamic = "force-dynamic";

export const PUT = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "schema:edit");
  const saved = await saveQuestionEdits(store, dataset, await readJson(req, 1024 * 1024));
  // the new version it saved (the edits themselves are in the authorisation record before it)
  await audit(viewer, { action: "schema:edit", resourceType: "dataset", resourceId: id, result: "ok", detail: { kind: "questions", fromVersion: dataset.version, version: saved.version } }, req);
  return respond(datasetSchema, saved);
});
