import { DatasetPageHeader } from "@/components/datasets/dataset-page-header";
import { InsightsExplorer } from "@/components/insights/insights-explorer";
import { insightsDefaults } from "@/lib/insights/defaults";
import { loadAnalysis } from "@/lib/server/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";

export default async function InsightsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { dataset, questions, defaultWeight } = pageProps(await loadAnalysis(id, "crosstab:run", `/datasets/${id}/insights`));
  const defaults = insightsDefaults(dataset.id, questions, defaultWeight);
  return (
    <div className="flex flex-col gap-6">
      <DatasetPageHeader dataset={dataset} title="Insights">
        <p className="text-sm text-slate-500">What drives the outcome, and which differences between segments hold up after correcting for the number of comparisons.</p>
      </DatasetPageHeader>
      <InsightsExplorer datasetId={dataset.id} questions={questions} defaults={defaults} />
    </div>
  );
}
