import "server-only";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { getIdentity } from "@/lib/auth/server";
import type { Viewer } from "@/lib/auth/viewer";
import { listAudit, readChain } from "@/lib/audit/audit-log";
import { verifyChain } from "@/lib/audit/chain";
import { releaseAudit } from "@/lib/services/gateway-pages";

/**
 * The audit records an admin may read (their workspace; instance-level records without a workspace —
 * anonymous refusals, sign-ins — only for admins of the Default workspace, the instance operators),
 * filtered, with the chain's verification; released through the disclosure gateway (`pageProps`).
 */
export async function loadAudit(viewer: Viewer, filter: { action?: string; actor?: string }) {
  const id = await getIdentity();
  const [records, chain] = await Promise.all([listAudit(id.sql, { workspaceId: viewer.workspaceId, includeInstance: viewer.workspaceId === DEFAULT_WORKSPACE_ID, ...filter }), readChain(id.sql)]);
  // records about datasets the admin sees only as aggregates lose their specs and numbers
  return releaseAudit(viewer, { records, broken: verifyChain(chain), total: chain.length });
}
