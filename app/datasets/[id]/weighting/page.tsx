import { DatasetPageHeader } from "@/components/datasets/dataset-page-header";
import { WeightingEditor } from "@/components/weighting/weighting-editor";
import { loadAnalysis } from "@/lib/server/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";

export default async function WeightingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { dataset, questions, lazy, questionCount, exact } = pageProps(await loadAnalysis(id, "schema:edit", `/datasets/${id}/weighting`));
  return (
    <div className="flex flex-col gap-6">
      <DatasetPageHeader dataset={dataset} title="Weighting">
        <p className="max-w-3xl text-sm text-slate-600">
          Rim weighting (raking) to population targets. The result is a new weight column on a new version of the dataset; the imported data are never changed, and
          every breakdown can switch between weights.
        </p>
      </DatasetPageHeader>
      {exact ? (
        <WeightingEditor datasetId={dataset.id} questions={questions} lazy={lazy} questionCount={questionCount} />
      ) : (
        <p role="note" className="max-w-3xl rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="weighting-needs-access">
          Weighting needs respondent access to this dataset: its uploader, a researcher of its workspace or an admin can build weights. A weighting report would give
          away how many people are in each target group, so it is not shown to anyone who sees this dataset as aggregates only. Every weight already saved is yours to
          use in Analyze.
        </p>
      )}
    </div>
  );
}
