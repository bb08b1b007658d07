// POST /api/datasets/{id}/benchmark-compare – one published share against the same share in this dataset
import { benchmarkCompareResultSchema } from "@/lib/schema/benchmark";
import { respondReleased } from "@/lib/server/respond-released";
import { readJson } from "@/lib/server/read-json";
import { audit } from "@/lib/server/audit";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { releaseBenchmarkCompare } from "@/lib/services/gateway";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "crosstab:run");
  const released = await releaseBenchmarkCompare(store, dataset, await readJson(req, 64 * 1024), viewer);
  // what was compared (never the numbers): the figure, the column and the breakdown's questions
  const { spec, benchmark, column } = released.body;
  const { outcome, segment, weight, filters } = spec;
  await audit(
    viewer,
    { action: "benchmark:compare", resourceType: "dataset", resourceId: id, result: "ok", detail: { benchmarkId: benchmark.id, column, outcome, segment, weight: weight ?? null, filters: Object.keys(filters), version: dataset.version } },
    req,
  );
  return respondReleased(benchmarkCompareResultSchema, released);
});
