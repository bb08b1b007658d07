// POST /api/datasets/{id}/banner – every answer of an outcome by one or more segment questions
// (Total + column groups), each cell through the disclosure gateway
import { bannerResultSchema } from "@/lib/schema/banner";
import { respondReleased } from "@/lib/server/respond-released";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { releaseBanner } from "@/lib/services/gateway";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "crosstab:run");
  return respondReleased(bannerResultSchema, await releaseBanner(store, dataset, await readJson(req, 64 * 1024), viewer));
});
