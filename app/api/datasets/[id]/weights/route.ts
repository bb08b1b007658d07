// POST /api/datasets/{id}/weights – compute rim/cell weights; saves a new version unless preview
import { AppError } from "@/lib/schema/errors";
import { json } from "@/lib/server/responses";
import { readJson } from "@/lib/server/read-json";
import { route } from "@/lib/server/route";
import { applyWeighting } from "@/lib/services/apply-weighting";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const store = await getStore();
  const dataset = await store.getDataset(id);
  if (!dataset) throw new AppError("not_found", `dataset not found: ${id}`);
  const { result, dataset: next } = await applyWeighting(store, dataset, await readJson(req, 256 * 1024));
  return json({ report: result.report, dataset: next ? { id: next.id, version: next.version, weight: next.questions.at(-1)?.id } : null }, next ? 201 : 200);
});
