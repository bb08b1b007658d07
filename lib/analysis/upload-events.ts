import { z } from "zod";

/** Events streamed by `POST /api/datasets` with `Accept: application/x-ndjson`. */
export const uploadEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("progress"), bytesRead: z.number(), totalBytes: z.number().optional(), rowsParsed: z.number() }),
  z.object({ type: z.literal("done"), dataset: z.object({ id: z.string(), name: z.string(), respondents: z.number() }).passthrough() }),
  z.object({
    type: z.literal("error"),
    status: z.number(),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
]);
export type UploadEvent = z.infer<typeof uploadEventSchema>;

/**
 * Split a growing NDJSON text into complete events, returning the unconsumed tail.
 * @example splitEvents('{"type":"progress","bytesRead":1,"rowsParsed":0}\n{"ty') // [[event], '{"ty']
 */
export function splitEvents(buffer: string): [UploadEvent[], string] {
  const lines = buffer.split("\n");
  const tail = lines.pop() ?? "";
  const events: UploadEvent[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const parsed = uploadEventSchema.safeParse(JSON.parse(line));
    if (parsed.success) events.push(parsed.data);
  }
  return [events, tail];
}
