import { AppError } from "@/lib/schema/errors";
import type { Identity } from "./auth";
import { canSeeDatasetWith, getMembership, resolveApiToken, type Viewer } from "./identity";
import { can, type Action, type Role } from "./permissions";
import { loopbackAliases } from "./auth";

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
  const member = await getMembership(id.sql, session.user.id, headers.get(WORKSPACE_HEADER));
  if (!member) return null;
  return { userId: session.user.id, email: session.user.email, workspaceId: member.workspaceId, role: member.role, via: "session" };
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
