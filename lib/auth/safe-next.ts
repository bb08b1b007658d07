/**
 * The post-sign-in destination from a `next` parameter: only a path on this site ("/…"), never
 * "//host", "/\\host" or an absolute URL (open redirect). Anything else gives "/".
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2000) return "/";
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\\]/.test(next)) return "/";
  try {
    const u = new URL(next, "http://x.invalid");
    if (u.origin !== "http://x.invalid") return "/";
    return u.pathname + u.search + u.hash;
  } catch {
    return "/";
  }
}
