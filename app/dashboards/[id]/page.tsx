import Link from "next/link";
import { DashboardView } from "@/components/dashboards/dashboard-view";
import { loadDashboardPage } from "@/lib/views/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ edit?: string }> }) {
  const { id } = await params;
  const { edit } = await searchParams;
  const { released, canEdit, views } = await loadDashboardPage(id);
  const { dashboard, tiles } = pageProps(released);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/dashboards" className="hover:underline">
          Dashboards
        </Link>{" "}
        / <span aria-current="page">{dashboard.name}</span>
      </nav>
      <DashboardView dashboard={dashboard} tiles={tiles} canEdit={canEdit} views={views} initialEdit={edit === "1"} />
    </div>
  );
}
