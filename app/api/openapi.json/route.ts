// GET /api/openapi.json – the OpenAPI 3.1 document, generated from the zod schemas
import { buildOpenApiDocument } from "@/lib/schema/openapi";
import { json } from "@/lib/server/responses";
import { route } from "@/lib/server/route";

export const GET = route(async () => json(buildOpenApiDocument()));
