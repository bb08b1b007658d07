// GET /api/health – liveness and store readiness (public: reveals nothing about the data)
import { json } from "@/lib/server/responses";
import { route } from "@/lib/server/route";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const store = await getStore();
  return json({ status: "ok", store: store.kind });
});
