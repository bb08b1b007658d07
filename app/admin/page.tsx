import type { Metadata } from "next";
import { CreateWorkspaceForm, WorkspaceMembers } from "@/components/admin/workspace-members";
import { DatasetShares } from "@/components/admin/dataset-shares";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { formatCountOf } from "@/lib/format/number";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { loadAdminOverview } from "@/lib/auth/admin-overview";
import { requirePageViewer } from "@/lib/server/authorize";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const viewer = await requirePageViewer("users:manage", "/admin");
  const overview = await loadAdminOverview(viewer);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Users and workspaces</h1>
        <p className="text-sm text-slate-600">
          Create accounts, change roles, reset passwords, deactivate people and manage the workspaces you administer. {formatCountOf(overview.activeTokens, "active API token")} in this
          workspace. Every change is recorded in the audit trail.
        </p>
      </header>
      <CreateUserForm workspaces={overview.workspaces.map((w) => ({ id: w.id, name: w.name }))} defaultWorkspaceId={overview.currentWorkspaceId} />
      <section aria-labelledby="workspaces-heading" className="flex flex-col gap-4">
        <h2 id="workspaces-heading" className="text-lg font-semibold">Workspaces</h2>
        {overview.workspaces.map((w) => (
          <WorkspaceMembers key={w.id} workspace={w} current={w.id === overview.currentWorkspaceId} selfEmail={viewer.email} />
        ))}
        <CreateWorkspaceForm />
      </section>
      <Card>
        <CardHeader>
          <CardTitle>Dataset sharing</CardTitle>
          <CardDescription>Datasets owned by the current workspace.</CardDescription>
        </CardHeader>
        <CardContent>
          <DatasetShares datasets={overview.datasets} workspaces={overview.workspaces} currentWorkspaceId={overview.currentWorkspaceId} />
        </CardContent>
      </Card>
    </div>
  );
}
