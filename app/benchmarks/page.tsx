import type { Metadata } from "next";
import { BenchmarkExplorer } from "@/components/benchmarks/benchmark-explorer";
import { TopicTabs } from "@/components/benchmarks/topic-tabs";
import { benchmarkTopicSchema } from "@/lib/schema/benchmark";
import { loadBenchmarks } from "@/lib/services/load-benchmarks";
import { requirePageViewer } from "@/lib/server/authorize";
import { loadCompareDatasets } from "@/lib/services/benchmark-compare";
import { can } from "@/lib/auth/permissions";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Benchmarks" };

export default async function BenchmarksPage({ searchParams }: { searchParams: Promise<{ topic?: string; q?: string; publisher?: string; place?: string }> }) {
  const { topic, q, publisher, place } = await searchParams;
  const viewer = await requirePageViewer("benchmarks:read", "/benchmarks");
  const canRun = can(viewer.role, "crosstab:run");
  const compareWith = canRun ? await loadCompareDatasets(viewer, await getStore(), true) : null;
  const data = loadBenchmarks();
  const topics = benchmarkTopicSchema.options
    .map((t) => ({ topic: t, count: data.figures.filter((f) => f.topic === t).length }))
    .filter((t) => t.count > 0);
  const active = benchmarkTopicSchema.safeParse(topic).data ?? topics[0].topic;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Benchmarks</h1>
        <p className="text-sm text-slate-500">
          Published industry figures (curated set v{data.version}, updated {data.updated}, {data.figures.length} figures). Every figure shows who was asked, its
          source, how directly we saw it, and its caveats. Search them, or chart a series across countries, industries, cohorts or years.
        </p>
      </header>
      <TopicTabs topics={topics} active={active} />
      {canRun ? null : <p className="text-sm text-slate-600">Comparing a figure with your own data needs the analyst role; ask a workspace admin.</p>}
      <BenchmarkExplorer
        figures={data.figures}
        topic={active}
        compareWith={compareWith}
        initial={{ q: typeof q === "string" ? q.slice(0, 200) : "", publisher: typeof publisher === "string" ? publisher : "", place: typeof place === "string" ? place : "" }}
      />
    </div>
  );
}
