import { NextResponse, type NextRequest } from "next/server";
import { isPublicPage, newNonce, pageCsp, SECURITY_HEADERS, SESSION_COOKIES, STRIPPED_REQUEST_HEADERS } from "@/lib/security/headers";

/**
 * Next 16 proxy (formerly middleware). Only hygiene and an OPTIMISTIC redirect live here:
 * - a per-request nonce and the strict CSP for pages (Next takes the nonce from the request's CSP);
 * - security headers on every response it sees;
 * - client-sent `x-middleware-subrequest` removed before anything downstream sees it (C35);
 * - a page request without a session cookie goes to /sign-in?next=… (no session validation here:
 *   every page loader, route handler and action still checks the viewer itself).
 * The matcher keeps `/api/*` out (upload bodies must never be cloned or truncated, C6), except
 * `/api/auth/*` (small bodies), which gets the headers; other API answers set theirs in
 * `lib/server/responses.ts`.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const method = request.method.toUpperCase();

  if (!isApi && (method === "GET" || method === "HEAD") && !isPublicPage(pathname) && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    const back = new URLSearchParams(request.nextUrl.searchParams);
    back.delete("_rsc"); // client-router cache buster, not part of the page address
    const query = back.toString();
    const target = new URL("/sign-in", request.url);
    target.searchParams.set("next", query ? `${pathname}?${query}` : pathname);
    return withSecurityHeaders(NextResponse.redirect(target));
  }

  const requestHeaders = new Headers(request.headers);
  for (const h of STRIPPED_REQUEST_HEADERS) requestHeaders.delete(h);
  if (isApi) return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }));

  const csp = pageCsp(newNonce(), process.env.NODE_ENV === "development");
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return withSecurityHeaders(response);
}

function withSecurityHeaders(response: NextResponse): NextResponse {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [
    {
      // pages (and their RSC payloads); not /api, static chunks, image optimisation, icons and
      // other static files (they would be redirected to sign-in before a session exists)
      source: "/((?!api/|_next/static|_next/image|favicon\\.ico|icon\\.svg|.*\\.(?:svg|png|jpg|ico|txt|xml|webmanifest)$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    "/api/auth/:path*",
  ],
};
