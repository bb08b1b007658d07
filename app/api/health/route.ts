// GET /api/health – liveness and store readiness
import { json } from "@/lib/server/responses";
import { route } from "@/lib/server/route";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const store = await getStore();
  const datasets = await store.listDatasets();
  return json({ status: "ok", store: store.kind, datasets: datasets.length });
});
