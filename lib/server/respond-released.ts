import "server-only";
import type { z } from "zod";
import { openReleased, type Released, type ReleasedFile } from "@/lib/disclosure/gateway";
import { respond } from "./respond";

/**
 * Responses built from a `Released<…>` (the disclosure gateway's type), remembered so tests can
 * tell a gateway answer from any other (`answeredThroughGateway`).
 */
const gatewayResponses = new WeakSet<Response>();

/**
 * Answer with a released body: the dataset routes' only JSON helper. The body must have passed the
 * gateway (a cast is refused at run time: `openReleased` knows what it issued).
 * @example return respondReleased(protectedCrosstabResponseSchema, await releaseCrosstab(store, dataset, spec, viewer))
 */
export function respondReleased<S extends z.ZodType>(schema: S, released: Released<z.input<S>>, status = 200, headers: Record<string, string> = {}): Response {
  const res = respond(schema, openReleased(released), status, headers);
  gatewayResponses.add(res);
  return res;
}


/**
 * Send a released file.
 * @example return sendReleased(await releaseCrosstabExport(store, dataset, body, viewer, "csv", "none"))
 */
export function sendReleased(released: Released<ReleasedFile>, extraHeaders: Record<string, string> = {}): Response {
  const file = openReleased(released);
  const res = new Response(file.bytes, { headers: { ...file.headers, ...extraHeaders } });
  gatewayResponses.add(res);
  return res;
}

/** Whether a route's answer was produced by `respondReleased` or `sendReleased` (tests). */
export function answeredThroughGateway(res: Response): boolean {
  return gatewayResponses.has(res);
}

/**
 * A page's props out of a release (server components): the only way a page reads numbers.
 * @example const { dataset } = pageProps(await loadDatasetOverview(id))
 */
export function pageProps<R extends Released<unknown>>(released: R): R extends Released<infer T> ? T : never {
  return openReleased(released) as R extends Released<infer T> ? T : never;
}
