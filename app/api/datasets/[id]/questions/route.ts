// GET /api/datasets/{id}/questions – the question pickers' searchable, paged list
// PUT /api/datasets/{id}/questions – save schema-review edits as a new dataset version
import { protectedDatasetSchema } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import { questionListQuerySchema, questionListResponseSchema } from "@/lib/schema/question-list";
import { respondReleased } from "@/lib/server/respond-released";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { audit } from "@/lib/server/audit";
import { releaseSavedDataset } from "@/lib/services/gateway";
import { releaseQuestionList } from "@/lib/services/gateway-questions";
import { saveQuestionEdits } from "@/lib/services/save-questions";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (req, { id }) => {
  const { dataset, viewer } = await authorizeDataset(req, id, "dataset:read");
  const parsed = questionListQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw new AppError("invalid_spec", `invalid question list query: ${parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}`);
  return respondReleased(questionListResponseSchema, await releaseQuestionList(viewer, dataset, parsed.data));
});

export const PUT = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "schema:edit");
  const body = await readJson(req, 1024 * 1024);
  const released = await releaseSavedDataset(store, dataset, viewer, () => saveQuestionEdits(store, dataset, body));
  // the new version it saved (the edits themselves are in the authorisation record before it)
  await audit(viewer, { action: "schema:edit", resourceType: "dataset", resourceId: id, result: "ok", detail: { kind: "questions", fromVersion: dataset.version, version: released.body.version } }, req);
  return respondReleased(protectedDatasetSchema, released);
});
