// POST /api/datasets/{id}/nps – Net Promoter Score of a 0–10 question by segment, with CIs
import { npsResponseSchema } from "@/lib/schema/nps";
import { respondReleased } from "@/lib/server/respond-released";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { releaseNpsOf } from "@/lib/services/gateway";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "crosstab:run");
  return respondReleased(npsResponseSchema, await releaseNpsOf(store, dataset, await readJson(req, 64 * 1024), viewer));
});
