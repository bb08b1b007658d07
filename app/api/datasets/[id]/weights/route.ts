// POST /api/datasets/{id}/weights – compute rim/cell weights; saves a new version unless preview.
// Respondent access only (an aggregate-only audience gets 403: a report it sets the targets of gives counts away).
import { weightsResponseSchema } from "@/lib/schema/weighting";
import { respondReleased } from "@/lib/server/respond-released";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";
import { releaseWeighting } from "@/lib/services/gateway";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "schema:edit");
  const { released, saved: next } = await releaseWeighting(store, dataset, await readJson(req, 256 * 1024), viewer);
  // the new version it saved (the spec itself is in the authorisation record before it)
  if (next) await audit(viewer, { action: "schema:edit", resourceType: "dataset", resourceId: id, result: "ok", detail: { kind: "weighting", fromVersion: dataset.version, version: next.version, weight: next.questions.at(-1)?.id ?? null } }, req);
  return respondReleased(weightsResponseSchema, released, next ? 201 : 200);
});
