// POST /api/datasets/{id}/banner – every answer of an outcome by one or more segment questions
// (Total + column groups), each cell through the protected crosstab path
import { bannerResultSchema } from "@/lib/schema/banner";
import { respond } from "@/lib/server/respond";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { runProtectedBanner } from "@/lib/services/banner-server";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "crosstab:run");
  return respond(bannerResultSchema, await runProtectedBanner(store, dataset, await readJson(req, 64 * 1024), viewer));
});
