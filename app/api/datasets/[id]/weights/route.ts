// POST /api/datasets/{id}/weights – compute rim/cell weights; saves a new version unless preview
import { weightsResponseSchema } from "@/lib/schema/weighting";
import { respond } from "@/lib/server/respond";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";
import { applyWeighting } from "@/lib/services/apply-weighting";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "schema:edit");
  const { result, dataset: next } = await applyWeighting(store, dataset, await readJson(req, 256 * 1024));
  // the new version it saved (the spec itself is in the authorisation record before it)
  if (next) await audit(viewer, { action: "schema:edit", resourceType: "dataset", resourceId: id, result: "ok", detail: { kind: "weighting", fromVersion: dataset.version, version: next.version, weight: next.questions.at(-1)?.id ?? null } }, req);
  return respond(weightsResponseSchema, { report: result.report, dataset: next ? { id: next.id, version: next.version, weight: next.questions.at(-1)?.id } : null }, next ? 201 : 200);
});
