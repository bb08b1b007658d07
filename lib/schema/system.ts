import { z } from "zod";

/** `GET /api/health`: liveness and which store answers. */
export const healthResponseSchema = z.object({ status: z.literal("ok"), store: z.enum(["duckdb", "postgres"]) });

/** `GET /api/openapi.json`: an OpenAPI 3.1 document (its own schema is the OpenAPI specification). */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({}),
});
