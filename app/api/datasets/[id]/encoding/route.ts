// POST /api/datasets/{id}/encoding – re-read the kept file in another encoding as the next version (atomic)
import { protectedDatasetSchema } from "@/lib/schema/dataset";
import { audit } from "@/lib/server/audit";
import { authorizeDataset } from "@/lib/server/authorize";
import { readJson } from "@/lib/server/read-json";
import { respondReleased } from "@/lib/server/respond-released";
import { route } from "@/lib/server/route";
import { releaseSavedDataset } from "@/lib/services/gateway";
import { reencodeDataset } from "@/lib/services/reencode-dataset";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "schema:edit");
  const body = await readJson(req, 4 * 1024);
  const released = await releaseSavedDataset(store, dataset, viewer, () => reencodeDataset(store, dataset, body));
  await audit(viewer, { action: "schema:edit", resourceType: "dataset", resourceId: id, result: "ok", detail: { kind: "encoding", encoding: released.body.encoding, fromVersion: dataset.version, version: released.body.version } }, req);
  return respondReleased(protectedDatasetSchema, released);
});
