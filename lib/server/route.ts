import "server-only";
import { toErrorResponse } from "./responses";

type Ctx<P> = { params: Promise<P> };

/**
 * Wrap a route handler: any throw becomes the error envelope, so handlers read as
 * parse → authorise → call lib → respond.
 */
export function route<P = Record<string, never>>(handler: (req: Request, params: P) => Promise<Response>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      return await handler(req, await ctx.params);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}
