// GET /api/datasets/{id} – one dataset with its question model; DELETE – remove it
import { AppError } from "@/lib/schema/errors";
import { json } from "@/lib/server/responses";
import { route } from "@/lib/server/route";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (_req, { id }) => {
  const dataset = await (await getStore()).getDataset(id);
  if (!dataset) throw new AppError("not_found", `dataset not found: ${id}`);
  return json(dataset);
});

export const DELETE = route<{ id: string }>(async (_req, { id }) => {
  const deleted = await (await getStore()).deleteDataset(id);
  if (!deleted) throw new AppError("not_found", `dataset not found: ${id}`);
  return new Response(null, { status: 204 });
});
