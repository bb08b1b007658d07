import "server-only";
import { listInvitations } from "@/lib/auth/identity";
import { navFor, type NavItem } from "@/lib/auth/navigation";
import { getIdentity } from "@/lib/auth/server";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The signed-in viewer's navigation: the pages their role may open, plus the invitations inbox
 * while invitations wait for them (a session answers them; a token never sees the inbox).
 */
export async function loadNavigation(viewer: Viewer): Promise<NavItem[]> {
  const pending = viewer.via === "session" ? (await listInvitations((await getIdentity()).sql, viewer.userId)).length : 0;
  return navFor(viewer.role, { pendingInvitations: pending });
}
