// POST /api/datasets/{id}/benchmark-compare – one published share against the same share in this dataset
import { benchmarkCompareResultSchema } from "@/lib/schema/benchmark";
import { respond } from "@/lib/server/respond";
import { readJson } from "@/lib/server/read-json";
import { audit } from "@/lib/server/audit";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { compareDatasetToBenchmark } from "@/lib/services/benchmark-compare";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "crosstab:run");
  const result = await compareDatasetToBenchmark(store, dataset, await readJson(req, 64 * 1024), viewer);
  // what was compared (never the numbers): the figure, the column and the breakdown's questions
  const { outcome, segment, weight, filters } = result.spec;
  await audit(
    viewer,
    { action: "benchmark:compare", resourceType: "dataset", resourceId: id, result: "ok", detail: { benchmarkId: result.benchmark.id, column: result.column, outcome, segment, weight: weight ?? null, filters: Object.keys(filters), version: dataset.version } },
    req,
  );
  return respond(benchmarkCompareResultSchema, result);
});
