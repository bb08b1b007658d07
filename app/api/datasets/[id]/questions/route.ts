// PUT /api/datasets/{id}/questions – save schema-review edits as a new dataset version
import { protectedDatasetSchema } from "@/lib/schema/dataset";
import { respondReleased } from "@/lib/server/respond-released";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";
import { releaseSavedDataset } from "@/lib/services/gateway";
import { saveQuestionEdits } from "@/lib/services/save-questions";

export const dynamic = "force-dynamic";

export const PUT = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "schema:edit");
  const body = await readJson(req, 1024 * 1024);
  const released = await releaseSavedDataset(store, dataset, viewer, () => saveQuestionEdits(store, dataset, body));
  // the new version it saved (the edits themselves are in the authorisation record before it)
  await audit(viewer, { action: "schema:edit", resourceType: "dataset", resourceId: id, result: "ok", detail: { kind: "questions", fromVersion: dataset.version, version: released.body.version } }, req);
  return respondReleased(protectedDatasetSchema, released);
});
