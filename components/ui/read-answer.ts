import type { z } from "zod";
import { errorEnvelopeSchema } from "@/lib/schema/errors";

/** The message of a failed answer: the API envelope's, else the status. */
export function failureMessage(status: number, body: unknown): string {
  return errorEnvelopeSchema.safeParse(body).data?.error.message ?? `request failed (${status})`;
}

/**
 * Parse an API answer with the schema the OpenAPI document shows for it (lib/schema), instead of
 * casting: a shape the client does not expect fails here, with where, not later in a render.
 *
 * @example const { dashboard } = parseAnswer(dashboardResponseSchema, await res.json());
 */
export function parseAnswer<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new Error(`unexpected answer from the server at ${first?.path.join(".") || "(root)"}: ${first?.message ?? "invalid"}`);
}

/**
 * Read a fetch response: the parsed body when ok, else throw the envelope's message.
 *
 * @example const { views } = await readAnswer(res, viewListResponseSchema);
 */
export async function readAnswer<S extends z.ZodType>(res: Response, schema: S): Promise<z.output<S>> {
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new Error(failureMessage(res.status, body));
  return parseAnswer(schema, body);
}
