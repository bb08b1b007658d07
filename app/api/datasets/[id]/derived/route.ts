// POST /api/datasets/{id}/derived – add a derived variable (recode or NET, declared as JSON) as a new version
import { authorizeDataset } from "@/lib/server/authorize";
import { derivedResponseSchema } from "@/lib/schema/derived";
import { respondReleased } from "@/lib/server/respond-released";
import { readJson } from "@/lib/server/read-json";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";
import { releaseDerived } from "@/lib/services/gateway";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "schema:edit");
  const released = await releaseDerived(store, dataset, await readJson(req, 256 * 1024), viewer);
  const { dataset: next, question } = released.body;
  await audit(viewer, { action: "schema:edit", resourceType: "dataset", resourceId: id, result: "ok", detail: { kind: "derived", fromVersion: dataset.version, version: next.version, question: question.id } }, req);
  return respondReleased(derivedResponseSchema, released, 201);
});
