// POST /api/datasets/{id}/nps – Net Promoter Score of a 0–10 question by segment, with CIs
import { npsResponseSchema } from "@/lib/schema/nps";
import { respond } from "@/lib/server/respond";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { runNps } from "@/lib/services/crosstab";
import { releaseNps } from "@/lib/services/protected-crosstab";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "crosstab:run");
  const nps = await runNps(store, dataset, await readJson(req, 64 * 1024));
  return respond(npsResponseSchema, await releaseNps(nps, dataset, viewer));
});
