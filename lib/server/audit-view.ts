import "server-only";
import { getIdentity } from "@/lib/auth/server";
import type { Viewer } from "@/lib/auth/viewer";
import { listAudit, readChain } from "@/lib/audit/audit-log";
import { verifyChain } from "@/lib/audit/chain";

/** The audit records an admin may read (their workspace), filtered, with the chain's verification. */
export async function loadAudit(viewer: Viewer, filter: { action?: string; actor?: string }) {
  const id = await getIdentity();
  const [records, chain] = await Promise.all([listAudit(id.sql, { workspaceId: viewer.workspaceId, ...filter }), readChain(id.sql)]);
  return { records, broken: verifyChain(chain), total: chain.length };
}
