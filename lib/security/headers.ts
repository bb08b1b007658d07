/**
 * Security headers and the page Content-Security-Policy, shared by `proxy.ts` and its tests.
 * No Next or Node imports: this runs inside the proxy.
 */

/** Headers on every response the proxy sees (pages, RSC payloads, /api/auth). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "cross-origin-opener-policy": "same-origin",
};

/**
 * The strict page CSP (C27 backstop). Next reads the nonce from this header on the REQUEST and puts
 * it on its bootstrap and chunk scripts; 'strict-dynamic' lets those load the rest. Styles stay
 * 'unsafe-inline' (recharts and React write style attributes; a nonce in style-src would disable it).
 * Development adds 'unsafe-eval' (React's dev error overlay needs eval; production never does).
 */
export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** A fresh unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** better-auth's session cookie (plain on http, `__Secure-` prefixed when the public URL is https). */
export const SESSION_COOKIES = ["better-auth.session_token", "__Secure-better-auth.session_token"] as const;

/** Pages anyone may open without a session. */
export const PUBLIC_PAGES = ["/sign-in", "/set-password"] as const;

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * Request headers no client may send: `x-middleware-subrequest` made Next skip middleware
 * (CVE-2025-29927, C35); the others are Next-internal routing headers.
 */
export const STRIPPED_REQUEST_HEADERS = ["x-middleware-subrequest", "x-middleware-subrequest-id", "x-middleware-override-headers"] as const;
