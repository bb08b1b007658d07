import Link from "next/link";
import { DashboardFiltersBar } from "@/components/dashboards/dashboard-filters";
import { DashboardView } from "@/components/dashboards/dashboard-view";
import { dashboardFilterQuery, parseDashboardFilters } from "@/lib/views/dashboard-filters";
import { loadDashboardPage } from "@/lib/views/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

/** The page's search parameters as URLSearchParams (repeated `filter` kept). */
function toParams(search: Search): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) p.append(k, x);
  return p;
}

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { id } = await params;
  const search = toParams(await searchParams);
  let filters = {};
  let filterError: string | null = null;
  try {
    filters = parseDashboardFilters(search);
  } catch (err) {
    filterError = err instanceof Error ? err.message : "the filters in this link could not be read";
  }
  const { released, canEdit, views, filterQuestions } = await loadDashboardPage(id, filters);
  const { dashboard, tiles } = pageProps(released);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/dashboards" className="hover:underline">
          Dashboards
        </Link>{" "}
        / <span aria-current="page">{dashboard.name}</span>
      </nav>
      {filterError ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Filters ignored: {filterError}.
        </p>
      ) : null}
      <DashboardView
        dashboard={dashboard}
        tiles={tiles}
        canEdit={canEdit}
        views={views}
        initialEdit={search.get("edit") === "1"}
        filterQuery={dashboardFilterQuery(filters)}
        filterBar={<DashboardFiltersBar questions={filterQuestions} active={filters} path={`/dashboards/${encodeURIComponent(dashboard.id)}`} />}
      />
    </div>
  );
}
