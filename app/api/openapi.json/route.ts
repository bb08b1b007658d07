// GET /api/openapi.json – the OpenAPI 3.1 document, generated from the zod schemas
import { buildOpenApiDocument } from "@/lib/schema/openapi";
import { openApiDocumentSchema } from "@/lib/schema/system";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const GET = route(async () => respond(openApiDocumentSchema, buildOpenApiDocument()));
