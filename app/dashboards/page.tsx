import { DashboardList } from "@/components/dashboards/dashboard-list";
import { loadDashboardList } from "@/lib/views/loaders";

export const dynamic = "force-dynamic";

export default async function DashboardsPage() {
  const { dashboards, canEdit } = await loadDashboardList();
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Dashboards</h1>
        <p className="text-sm text-slate-500">Saved analyses pinned side by side, with small groups hidden for every reader.</p>
      </header>
      <DashboardList dashboards={dashboards} canEdit={canEdit} />
    </div>
  );
}
