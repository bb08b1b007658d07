import { AppError } from "@/lib/schema/errors";
import type { Identity } from "./auth";
import { canSeeDatasetWith, getMembership, resolveApiToken, type Viewer } from "./identity";
import { can, type Action, type Role } from "./permissions";
import { loopbackAliases } from "./auth";
import { WORKSPACE_COOKIE } from "./workspaces";
import { isUserDeactivated } from "@/lib/store";

export type { Viewer } from "./identity";

/** Header choosing among the workspaces of a signed-in user (default: their oldest membership). */
export const WORKSPACE_HEADER = "x-surveyscope-workspace";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolve the caller from request headers: `Authorization: Bearer <token>` (API token), else the
 * better-auth session cookie. A present but invalid bearer token is null (no fallback to the cookie).
 */
export async function resolveViewer(id: Identity, headers: Headers): Promise<Viewer | null> {
  const authz = headers.get("authorization");
  if (authz !== null) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authz);
    return m ? resolveApiToken(id.sql, m[1]) : null;
  }
  if (!headers.get("cookie")) return null;
  const session = await id.auth.api.getSession({ headers });
  if (!session) return null;
  // deactivating revokes the sessions; this also closes a session created in the same instant
  if (await isUserDeactivated(id.sql, session.user.id)) return null;
  // explicit header: that workspace or nothing; the switcher's cookie: that workspace while the user
  // is still a member, else their oldest membership (a stale cookie must not sign anyone out)
  const explicit = headers.get(WORKSPACE_HEADER);
  const chosen = explicit ?? readCookie(headers.get("cookie"), WORKSPACE_COOKIE);
  let member = await getMembership(id.sql, session.user.id, chosen);
  if (!member && explicit === null && chosen) member = await getMembership(id.sql, session.user.id);
  if (!member) return null;
  return { userId: session.user.id, email: session.user.email, workspaceId: member.workspaceId, role: member.role, via: "session" };
}

/** One cookie's value from a Cookie header (null when absent or malformed). */
export function readCookie(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : null;
    }
  }
  return null;
}

/**
 * CSRF guard for cookie-authenticated writes to our route handlers (better-auth guards its own
 * endpoints): the Origin must be the app's, or, without Origin, Sec-Fetch-Site must be same-origin.
 */
export function isSameOriginWrite(req: Request, appOrigin: string): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return true;
  const origin = req.headers.get("origin");
  if (origin) return loopbackAliases(appOrigin).includes(origin) || origin === new URL(req.url).origin;
  return req.headers.get("sec-fetch-site") === "same-origin";
}

export async function requireViewerWith(id: Identity, req: Request, appOrigin: string, allowedRoles?: readonly Role[]): Promise<Viewer> {
  const viewer = await resolveViewer(id, req.headers);
  if (!viewer) throw new AppError("unauthorized", "sign in or send an API token (Authorization: Bearer …)");
  if (viewer.via === "session" && !isSameOriginWrite(req, appOrigin)) throw new AppError("forbidden", "cross-origin request refused");
  if (allowedRoles && !allowedRoles.includes(viewer.role)) throw new AppError("forbidden", "your role does not allow this");
  return viewer;
}

/** Throw forbidden unless the viewer's role may perform `action`. */
export function assertCan(viewer: Viewer, action: Action): void {
  if (!can(viewer.role, action)) throw new AppError("forbidden", "your role does not allow this");
}

/** Throw not_found (never forbidden: not-yours looks exactly like absent) unless the viewer may see it. */
export async function assertDatasetVisibleWith(id: Identity, viewer: Viewer, datasetId: string): Promise<void> {
  if (!(await canSeeDatasetWith(id.sql, viewer, datasetId))) throw new AppError("not_found", `dataset not found: ${datasetId}`);
}
