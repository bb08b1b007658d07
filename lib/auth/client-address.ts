/**
 * The client's address, by the trusted-proxy rule. Forwarding headers are trusted only as far as
 * they were written by a proxy the operator listed in TRUSTED_PROXIES.
 *
 * Next's route handlers see no socket, so the server stamps the TCP peer's address on every request
 * in a private header (`PEER_HEADER`, set by `lib/server/peer-address-hook.ts` from
 * `instrumentation.ts`, after deleting whatever the client sent under that name). The chain is the
 * `X-Forwarded-For` hops followed by that peer; walking it from the right, an address is skipped
 * while it is a trusted proxy (and something stands to its left). With no trusted proxies (the
 * default) the answer is the peer itself: a client cannot choose its address by sending
 * `X-Forwarded-For`. Behind a reverse proxy, list the proxy's address(es) so the hop it appended is
 * used. No peer header (not stamped: a test, another server) → null, never a header's word.
 */
import net from "node:net";

export const PEER_HEADER = "x-surveyscope-peer";
/** the resolved client address handed to better-auth (its limiter and session records) */
export const CLIENT_ADDRESS_HEADER = "x-surveyscope-client-address";

export interface TrustedProxies {
  list: net.BlockList;
  size: number;
}

/** An IP address in canonical form (IPv4-mapped IPv6 as IPv4), or null when `s` is not one. */
export function normalizeAddress(s: string | null | undefined): string | null {
  let a = (s ?? "").trim();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1];
  return net.isIP(a) ? a.toLowerCase() : null;
}

/**
 * Parse TRUSTED_PROXIES: addresses and CIDR ranges separated by commas or spaces (IPv4 and IPv6).
 *
 * @example
 * parseTrustedProxies("10.0.0.0/8, 127.0.0.1 ::1") // 3 entries
 */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const list = new net.BlockList();
  let size = 0;
  for (const entry of (spec ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [addr, bits, extra] = entry.split("/");
    const ip = normalizeAddress(addr);
    const type = ip && net.isIPv6(ip) ? "ipv6" : "ipv4";
    const prefix = bits === undefined ? null : Number(bits);
    if (!ip || extra !== undefined || (prefix !== null && (!Number.isInteger(prefix) || prefix < 0 || prefix > (type === "ipv6" ? 128 : 32)) )) {
      throw new Error(`TRUSTED_PROXIES: not an IP address or CIDR range: ${entry}`);
    }
    if (prefix === null) list.addAddress(ip, type);
    else list.addSubnet(ip, prefix, type);
    size++;
  }
  return { list, size };
}

function trusted(proxies: TrustedProxies, ip: string): boolean {
  return proxies.size > 0 && proxies.list.check(ip, net.isIPv6(ip) ? "ipv6" : "ipv4");
}

/**
 * The client address of a request by the trusted-proxy rule (see the file comment), or null.
 *
 * @example
 * clientAddress(new Headers({ "x-forwarded-for": "203.0.113.77", [PEER_HEADER]: "198.51.100.4" }), parseTrustedProxies("")) // "198.51.100.4"
 */
export function clientAddress(headers: Headers, proxies: TrustedProxies): string | null {
  const peer = normalizeAddress(headers.get(PEER_HEADER));
  if (!peer) return null;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  let current = peer;
  for (let i = hops.length - 1; i >= 0 && trusted(proxies, current); i--) {
    const next = normalizeAddress(hops[i]);
    // garbage written by (or passed through) a trusted proxy: stop at the last address we trust to be real
    if (!next) break;
    current = next;
  }
  return current;
}

/** A copy of `req` whose headers carry only the server's own view of the client address. */
export function withClientAddress(req: Request, address: string | null): Request {
  const headers = new Headers(req.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  headers.delete("x-forwarded-for");
  headers.delete("x-real-ip");
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  return new Request(req, { headers });
}
