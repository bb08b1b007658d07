// GET /api/datasets/{id} – one dataset with its question model; DELETE – remove it
import { AppError } from "@/lib/schema/errors";
import { authorizeDataset } from "@/lib/server/authorize";
import { forgetReleasesOf } from "@/lib/services/protected-crosstab";
import { forgetDatasetGovernance } from "@/lib/auth/dataset-governance";
import { protectedDatasetSchema } from "@/lib/schema/dataset";
import { releaseDataset } from "@/lib/services/gateway";
import { respondReleased } from "@/lib/server/respond-released";
import { route } from "@/lib/server/route";
import { forgetSourceBytes } from "@/lib/services/source-bytes";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (req, { id }) => {
  const { dataset, viewer } = await authorizeDataset(req, id, "dataset:read");
  return respondReleased(protectedDatasetSchema, await releaseDataset(viewer, dataset));
});

export const DELETE = route<{ id: string }>(async (req, { id }) => {
  const { store } = await authorizeDataset(req, id, "dataset:delete");
  if (!(await store.deleteDataset(id))) throw new AppError("not_found", `dataset not found: ${id}`);
  await forgetReleasesOf(store, id); // the differencing history of a deleted dataset goes with it
  await forgetDatasetGovernance(store.app.sql, id);
  await forgetSourceBytes(id); // the kept file of a dataset not read as UTF-8
  return new Response(null, { status: 204 });
});
