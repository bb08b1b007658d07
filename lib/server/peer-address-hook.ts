/**
 * Stamps the TCP peer's address on every incoming HTTP request as `PEER_HEADER` (deleting any value
 * the client sent under that name), so route handlers — which see no socket — can apply the
 * trusted-proxy rule (`lib/auth/client-address.ts`). Installed once by `instrumentation.ts`.
 */
import http from "node:http";
import { PEER_HEADER } from "@/lib/auth/client-address";

const g = globalThis as unknown as { __surveyscopePeerHook?: boolean };

export function installPeerAddressHook(): void {
  if (g.__surveyscopePeerHook) return;
  g.__surveyscopePeerHook = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampPeer(args[0] as http.IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}

/** Overwrite the peer header of one request with its socket's remote address. */
export function stampPeer(req: http.IncomingMessage): void {
  delete req.headers[PEER_HEADER];
  const addr = req.socket?.remoteAddress;
  if (addr) req.headers[PEER_HEADER] = addr;
}
