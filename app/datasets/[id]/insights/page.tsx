import { DatasetPageHeader } from "@/components/datasets/dataset-page-header";
import { InsightsExplorer } from "@/components/insights/insights-explorer";
import { insightsDefaults } from "@/lib/insights/defaults";
import type { InsightsSpecDefaults } from "@/lib/insights/outcome-choice";
import { loadAnalysis } from "@/lib/server/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";

export default async function InsightsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // the defaults are chosen from every question; a wide dataset's page then carries only theirs
  const chosen: { defaults?: InsightsSpecDefaults } = {};
  const { dataset, questions, lazy, questionCount } = pageProps(
    await loadAnalysis(id, "crosstab:run", `/datasets/${id}/insights`, (all, weight) => {
      chosen.defaults = insightsDefaults(id, all, weight);
      const s = chosen.defaults.spec;
      return s ? [s.outcome, ...(s.weight ? [s.weight] : []), ...Object.keys(s.filters)] : [];
    }),
  );
  return (
    <div className="flex flex-col gap-6">
      <DatasetPageHeader dataset={dataset} title="Insights">
        <p className="text-sm text-slate-500">What drives the outcome, and which differences between segments hold up after correcting for the number of comparisons.</p>
      </DatasetPageHeader>
      <InsightsExplorer datasetId={dataset.id} questions={questions} lazy={lazy} questionCount={questionCount} defaults={chosen.defaults!} />
    </div>
  );
}
