import Link from "next/link";
import { InsightsExplorer } from "@/components/insights/insights-explorer";
import { Badge } from "@/components/ui/badge";
import { insightsDefaults } from "@/lib/insights/defaults";
import { loadAnalysis } from "@/lib/server/loaders";

export const dynamic = "force-dynamic";

export default async function InsightsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { dataset, questions } = await loadAnalysis(id, "crosstab:run", `/datasets/${id}/insights`);
  const defaults = insightsDefaults(dataset.id, questions);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-slate-500">
          <Link href={`/datasets/${dataset.id}`} className="hover:underline">
            {dataset.name}
          </Link>{" "}
          {dataset.synthetic ? <Badge tone="warning">synthetic, calibrated to published figures</Badge> : null}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Insights</h1>
        <p className="text-sm text-slate-500">What drives the outcome, and which differences between segments hold up after correcting for the number of comparisons.</p>
      </header>
      <InsightsExplorer datasetId={dataset.id} questions={questions} defaults={defaults} />
    </div>
  );
}
