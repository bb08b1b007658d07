// GET /api/views[?dataset=] – the workspace's saved views; POST {datasetId, name, query} – save one
import { canSeeDataset } from "@/lib/auth/viewer";
import { AppError } from "@/lib/schema/errors";
import { createViewSchema, viewListResponseSchema, viewResponseSchema } from "@/lib/schema/views";
import { audit } from "@/lib/server/audit";
import { authorize } from "@/lib/server/authorize";
import { readJson } from "@/lib/server/read-json";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";
import { getStore } from "@/lib/store";
import { viewsSql } from "@/lib/views/access";
import { normalizeViewQuery } from "@/lib/views/query";
import { usableDefaultWeight } from "@/lib/analysis/default-weight";
import { createView, listViews } from "@/lib/store";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const viewer = await authorize(req, "views:read");
  const dataset = new URL(req.url).searchParams.get("dataset");
  return respond(viewListResponseSchema, { views: await listViews(await viewsSql(), viewer.workspaceId, dataset || null) });
});

export const POST = route(async (req) => {
  const viewer = await authorize(req, "views:save");
  const body = createViewSchema.parse(await readJson(req, 16 * 1024));
  // the analysis must be of a dataset the saver may see (absent and not-yours answer alike)
  const dataset = (await canSeeDataset(viewer, body.datasetId)) ? await (await getStore()).getDataset(body.datasetId) : null;
  if (!dataset) throw new AppError("not_found", `dataset not found: ${body.datasetId}`);
  // the weighting the analyze page showed is written out: the dataset's default when none is named
  const query = normalizeViewQuery(body.query, usableDefaultWeight(dataset.defaultWeight?.question, dataset.questions));
  const view = await createView(await viewsSql(), { workspaceId: viewer.workspaceId, datasetId: dataset.id, name: body.name, query, createdBy: viewer.userId });
  await audit(viewer, { action: "view:save", resourceType: "view", resourceId: view.id, result: "ok", detail: { dataset: dataset.id, version: dataset.version, name: view.name, query } }, req);
  return respond(viewResponseSchema, { view }, 201);
});
