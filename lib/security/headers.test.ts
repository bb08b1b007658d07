import { describe, expect, test } from "vitest";
import { isPublicPage, newNonce, pageCsp, SECURITY_HEADERS } from "./headers";

describe("page CSP", () => {
  test("has the strict directives and the nonce", () => {
    const csp = pageCsp("abc123==");
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "img-src 'self' data: blob:"]) {
      expect(csp).toContain(d);
    }
    expect(csp).not.toContain("unsafe-eval");
    expect(pageCsp("n", true)).toContain("'unsafe-eval'");
  });
  test("style-src carries no nonce (a nonce would switch 'unsafe-inline' off for recharts' inline styles)", () => {
    const style = pageCsp("n").split("; ").find((d) => d.startsWith("style-src"));
    expect(style).toBe("style-src 'self' 'unsafe-inline'");
  });
  test("nonces are fresh base64 of 128 bits", () => {
    const seen = new Set(Array.from({ length: 200 }, () => newNonce()));
    expect(seen.size).toBe(200);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

test("security headers", () => {
  expect(SECURITY_HEADERS).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
  });
  expect(SECURITY_HEADERS["permissions-policy"]).toContain("camera=()");
});

test("only /sign-in is public", () => {
  expect(isPublicPage("/sign-in")).toBe(true);
  expect(isPublicPage("/sign-in/x")).toBe(true);
  expect(isPublicPage("/sign-inx")).toBe(false);
  expect(isPublicPage("/")).toBe(false);
  expect(isPublicPage("/datasets")).toBe(false);
});
