import "server-only";
import { AppError } from "@/lib/schema/errors";

/** Read a small JSON request body, refusing bodies over `maxBytes` and malformed JSON. */
export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const text = await req.text();
  if (text.length > maxBytes) throw new AppError("payload_too_large", `request body too large: more than ${maxBytes} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "request body is not valid JSON");
  }
}
