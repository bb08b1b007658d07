// GET /api/datasets – list datasets; POST /api/datasets?name=… – upload a survey file (raw body)
import { json } from "@/lib/server/responses";
import { route } from "@/lib/server/route";
import { handleUpload } from "@/lib/server/upload";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const store = await getStore();
  return json({ datasets: await store.listDatasets() });
});

export const POST = route(async (req) => handleUpload(req, "admin"));
