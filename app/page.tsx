import Link from "next/link";
import { HeadlineCard } from "@/components/dashboards/headline-card";
import { ExecPanel } from "@/components/home/exec-panel";
import { InsightsPanel } from "@/components/insights/insights-panel";
import { OnDemandInsights } from "@/components/insights/on-demand-insights";
import { EmptyState } from "@/components/states/states";
import { serializeBreakdownState } from "@/lib/analysis/breakdown-state";
import { insightsDefaults } from "@/lib/insights/defaults";
import { loadHome } from "@/lib/server/home";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const home = pageProps(await loadHome());
  const h = home.entry.headline;
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Home</h1>
        <p className="text-sm text-slate-500">Your survey data next to published industry figures.</p>
      </header>
      {home.status === "missing" ? (
        home.canUpload ? (
          <EmptyState title="No survey data in this workspace yet">
            <Link href="/datasets" className="font-medium text-[var(--color-accent)] underline">
              Upload a survey export
            </Link>{" "}
            (Qualtrics, SurveyMonkey, Google Forms, CSV, SPSS) to see breakdowns, dashboards and benchmarks here.
          </EmptyState>
        ) : (
          <EmptyState title="Nothing shared with you yet">
            When your team publishes dashboards they appear here and under{" "}
            <Link href="/dashboards" className="font-medium text-[var(--color-accent)] underline">
              Dashboards
            </Link>
            . Published industry figures are under{" "}
            <Link href="/benchmarks" className="font-medium text-[var(--color-accent)] underline">
              Benchmarks
            </Link>
            .
          </EmptyState>
        )
      ) : (
        <HeadlineCard
          title={h.title}
          datasetId={home.dataset.id}
          datasetName={home.dataset.name}
          result={home.result}
          weighted={Boolean(h.weight)}
          minBase={home.minBase}
          benchmarks={home.benchmarks}
          analyzeHref={
            home.canAnalyze
              ? `/datasets/${home.dataset.id}/analyze?${serializeBreakdownState({
            outcome: h.outcome,
            category: h.outcome_category,
            segment: h.segment,
            weight: h.weight ?? undefined,
                  filters: Object.fromEntries(h.filters.map((f) => [f.column, f.values])),
                }).toString()}`
              : null
          }
        />
      )}
      {home.status === "ready" && home.panels.length ? (
        <section className="flex flex-col gap-3" aria-labelledby="home-executive">
          <h2 id="home-executive" className="text-lg font-semibold tracking-tight">
            Executive dashboard
          </h2>
          <div className="grid gap-6 lg:grid-cols-2">
            {home.panels.map((p) => (
              <ExecPanel key={p.id} panel={p} />
            ))}
          </div>
        </section>
      ) : null}
      {home.status === "ready" && home.canAnalyze ? <HomeInsights datasetId={home.dataset.id} onDemand={!home.exact} /> : null}
    </div>
  );
}

/** Insights for the demo headline: top drivers and the differences that survive FDR control. */
function HomeInsights({ datasetId, onDemand }: { datasetId: string; onDemand: boolean }) {
  const { spec } = insightsDefaults(datasetId, []);
  if (!spec) return null;
  return (
    <section className="flex flex-col gap-3" aria-labelledby="home-insights">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="home-insights" className="text-lg font-semibold tracking-tight">
          Insights
        </h2>
        <Link href={`/datasets/${datasetId}/insights`} className="text-sm font-medium text-[var(--color-accent)] hover:underline">
          All insights →
        </Link>
      </div>
      {onDemand ? <OnDemandInsights datasetId={datasetId} spec={spec} /> : <InsightsPanel datasetId={datasetId} spec={spec} compact />}
    </section>
  );
}
