// GET /api/datasets/{id}/shares – who the dataset is shared with; POST {workspace, email?} – share
// it (read and aggregate analysis only) with another workspace or one of its members; DELETE
// ?workspace=&email= – stop sharing. Owning workspace's admins only; not yours → 404.
import { z } from "zod";
import { emailSchema, shareDataset, unshareDataset } from "@/lib/auth/identity";
import { getIdentity } from "@/lib/auth/server";
import { listDatasetShares, resolveShareTarget } from "@/lib/auth/workspaces";
import { AppError } from "@/lib/schema/errors";
import { audit } from "@/lib/server/audit";
import { authorizeDataset } from "@/lib/server/authorize";
import { readJson } from "@/lib/server/read-json";
import { shareListResponseSchema } from "@/lib/schema/admin";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const targetSchema = z.object({ workspace: z.string().trim().min(1).max(100), email: emailSchema.optional().nullable() });

export const GET = route<{ id: string }>(async (req, { id: datasetId }) => {
  const { viewer } = await authorizeDataset(req, datasetId, "dataset:share");
  return respond(shareListResponseSchema, { shares: await listDatasetShares((await getIdentity()).sql, viewer.workspaceId, datasetId) });
});

export const POST = route<{ id: string }>(async (req, { id: datasetId }) => {
  const { viewer } = await authorizeDataset(req, datasetId, "dataset:share");
  const body = targetSchema.parse(await readJson(req, 4 * 1024));
  const { sql } = await getIdentity();
  const target = await resolveShareTarget(sql, viewer.workspaceId, body);
  await shareDataset(sql, { datasetId, workspaceId: target.workspaceId, userId: target.userId });
  await audit(viewer, { action: "dataset:share", resourceType: "dataset", resourceId: datasetId, result: "ok", detail: { workspaceId: target.workspaceId, email: target.email } }, req);
  return respond(shareListResponseSchema, { shares: await listDatasetShares(sql, viewer.workspaceId, datasetId) }, 201);
});

export const DELETE = route<{ id: string }>(async (req, { id: datasetId }) => {
  const { viewer } = await authorizeDataset(req, datasetId, "dataset:share");
  const url = new URL(req.url);
  const body = targetSchema.parse({ workspace: url.searchParams.get("workspace") ?? "", email: url.searchParams.get("email") || null });
  const { sql } = await getIdentity();
  const target = await resolveShareTarget(sql, viewer.workspaceId, body);
  if (!(await unshareDataset(sql, { datasetId, workspaceId: target.workspaceId, userId: target.userId }))) throw new AppError("not_found", "no such share");
  await audit(viewer, { action: "dataset:unshare", resourceType: "dataset", resourceId: datasetId, result: "ok", detail: { workspaceId: target.workspaceId, email: target.email } }, req);
  return respond(shareListResponseSchema, { shares: await listDatasetShares(sql, viewer.workspaceId, datasetId) });
});
