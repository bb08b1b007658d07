// GET /api/health – liveness and store readiness (public: reveals nothing about the data)
import { healthResponseSchema } from "@/lib/schema/system";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const store = await getStore();
  return respond(healthResponseSchema, { status: "ok", store: store.kind });
});
