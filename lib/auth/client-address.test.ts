import { describe, expect, it } from "vitest";
import { clientAddress, CLIENT_ADDRESS_HEADER, normalizeAddress, parseTrustedProxies, PEER_HEADER, withClientAddress } from "./client-address";

const none = parseTrustedProxies(undefined);
const h = (xff: string | null, peer: string | null) => {
  const headers = new Headers();
  if (xff !== null) headers.set("x-forwarded-for", xff);
  if (peer !== null) headers.set(PEER_HEADER, peer);
  return headers;
};

describe("trusted-proxy rule", () => {
  it("no trusted proxies (default): the peer is the client, whatever X-Forwarded-For says", () => {
    expect(clientAddress(h("203.0.113.77", "198.51.100.4"), none)).toBe("198.51.100.4");
    expect(clientAddress(h("203.0.113.77, 10.0.0.1", "198.51.100.4"), none)).toBe("198.51.100.4");
    expect(clientAddress(h(null, "::ffff:127.0.0.1"), none)).toBe("127.0.0.1");
  });

  it("no peer stamped: no address (a header's word is never taken instead)", () => {
    expect(clientAddress(h("203.0.113.77", null), none)).toBeNull();
    expect(clientAddress(h("203.0.113.77", "not-an-ip"), none)).toBeNull();
  });

  it("behind trusted proxies: the rightmost hop that is not a trusted proxy", () => {
    const p = parseTrustedProxies("127.0.0.1, 10.0.0.0/8 ::1");
    // nginx on the host appended the client's address; the client's forged hop on the left is ignored
    expect(clientAddress(h("203.0.113.77, 198.51.100.9", "127.0.0.1"), p)).toBe("198.51.100.9");
    // two proxies (CDN inside 10/8, then nginx)
    expect(clientAddress(h("203.0.113.77, 198.51.100.9, 10.1.2.3", "127.0.0.1"), p)).toBe("198.51.100.9");
    // a peer that is not a trusted proxy: its X-Forwarded-For is not believed
    expect(clientAddress(h("203.0.113.77", "198.51.100.4"), p)).toBe("198.51.100.4");
    // a trusted proxy's own request (nothing to its left)
    expect(clientAddress(h(null, "::1"), p)).toBe("::1");
    // garbage from the left of a trusted proxy: stop at the last real address
    expect(clientAddress(h("junk", "127.0.0.1"), p)).toBe("127.0.0.1");
  });

  it("parses addresses and CIDRs, refuses anything else", () => {
    expect(parseTrustedProxies("").size).toBe(0);
    expect(parseTrustedProxies("10.0.0.0/8,fd00::/8 192.168.1.1").size).toBe(3);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/TRUSTED_PROXIES/);
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
  });

  it("withClientAddress drops the client's forwarding headers and its own copy of the private header", () => {
    const req = new Request("http://x.test/api/auth/sign-in/email", { method: "POST", headers: { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8", [CLIENT_ADDRESS_HEADER]: "9.9.9.9" } });
    const out = withClientAddress(req, "198.51.100.4");
    expect(out.headers.get(CLIENT_ADDRESS_HEADER)).toBe("198.51.100.4");
    expect(out.headers.get("x-forwarded-for")).toBeNull();
    expect(out.headers.get("x-real-ip")).toBeNull();
    expect(withClientAddress(req, null).headers.get(CLIENT_ADDRESS_HEADER)).toBeNull();
  });
});
