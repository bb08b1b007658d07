// GET /api/datasets – the datasets the caller may see; POST /api/datasets?name=… – upload a survey file (raw body)
import { visibleDatasetIds } from "@/lib/auth/viewer";
import { authorize } from "@/lib/server/authorize";
import { datasetListResponseSchema } from "@/lib/schema/dataset";
import { respondReleased } from "@/lib/server/respond-released";
import { releaseDatasetList } from "@/lib/services/gateway";
import { route } from "@/lib/server/route";
import { handleUpload } from "@/lib/server/upload";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const viewer = await authorize(req, "dataset:read");
  const visible = await visibleDatasetIds(viewer);
  const datasets = (await (await getStore()).listDatasets()).filter((d) => visible.has(d.id));
  return respondReleased(datasetListResponseSchema, releaseDatasetList(viewer, datasets));
});

export const POST = route(async (req) => handleUpload(req, await authorize(req, "dataset:upload")));
