import type { Metadata } from "next";
import { AgentCredentials } from "@/components/admin/agent-credentials";
import { loadAgentsAdmin } from "@/lib/mcp/admin-view";
import { requirePageViewer } from "@/lib/server/authorize";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "AI agents" };

export default async function AgentsAdminPage() {
  const viewer = await requirePageViewer("users:manage", "/admin/agents");
  const view = await loadAgentsAdmin(viewer);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">AI agents</h1>
        <p className="text-sm text-slate-600">
          Credentials for AI assistants (any MCP client) to answer questions from this workspace&apos;s surveys. Each is bound to the datasets and tools you grant,
          expires, has a query budget, and only ever receives small-cell protected aggregates. You are recorded as its sponsor; every call is in the audit trail.
        </p>
      </header>
      <AgentCredentials {...view} />
    </div>
  );
}
