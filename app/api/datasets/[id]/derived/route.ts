// POST /api/datasets/{id}/derived – add a derived variable (recode or NET, declared as JSON) as a new version
import { authorizeDataset } from "@/lib/server/authorize";
import { derivedResponseSchema } from "@/lib/schema/derived";
import { respond } from "@/lib/server/respond";
import { readJson } from "@/lib/server/read-json";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";
import { deriveVariable } from "@/lib/services/derive-variable";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "schema:edit");
  const { dataset: next, question } = await deriveVariable(store, dataset, await readJson(req, 256 * 1024));
  await audit(viewer, { action: "schema:edit", resourceType: "dataset", resourceId: id, result: "ok", detail: { kind: "derived", fromVersion: dataset.version, version: next.version, question: question.id } }, req);
  return respond(derivedResponseSchema, { dataset: { id: next.id, version: next.version }, question }, 201);
});
