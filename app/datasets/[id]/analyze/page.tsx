import { DatasetPageHeader } from "@/components/datasets/dataset-page-header";
import { Suspense } from "react";
import { BreakdownView } from "@/components/breakdown/breakdown-view";
import { LoadingPanel } from "@/components/states/states";
import { loadAnalysis } from "@/lib/server/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";

export default async function AnalyzePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { dataset, questions, minBase, defaultFilters, defaultWeight, respondentExport } = pageProps(await loadAnalysis(id));
  return (
    <div className="flex flex-col gap-6">
      <DatasetPageHeader dataset={dataset} title="Analyze" />
      <Suspense fallback={<LoadingPanel />}>
        <BreakdownView datasetId={dataset.id} questions={questions} minBase={minBase} defaultFilters={defaultFilters} defaultWeight={defaultWeight ?? undefined} respondentExport={respondentExport} />
      </Suspense>
    </div>
  );
}
