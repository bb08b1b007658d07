import "server-only";
import type { z } from "zod";
import { json } from "./responses";

/**
 * Answer with a documented JSON body. The schema is the one the OpenAPI document shows for this
 * operation (lib/schema/openapi.ts), so `body` must type-check against it at compile time; outside
 * production (dev, unit tests) the body is also parsed, so a shape the types cannot see (a field
 * that became null, a widened interface) fails where it is written rather than in a client.
 * The body is sent as given (not the parsed copy): what the types and tests see is what goes out.
 *
 * @example
 * return respond(viewListResponseSchema, { views }, 200)
 */
export function respond<S extends z.ZodType>(schema: S, body: z.input<S>, status = 200, headers: Record<string, string> = {}): Response {
  if (shouldCheck()) {
    const checked = schema.safeParse(body);
    if (!checked.success) {
      const first = checked.error.issues[0];
      throw new Error(`response body does not match its schema at ${first?.path.join(".") || "(root)"}: ${first?.message ?? "invalid"}`);
    }
  }
  return json(body, status, headers);
}

function shouldCheck(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.SURVEYSCOPE_CHECK_RESPONSES === "1";
}
