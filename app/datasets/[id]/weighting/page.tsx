import { DatasetPageHeader } from "@/components/datasets/dataset-page-header";
import { WeightingEditor } from "@/components/weighting/weighting-editor";
import { loadAnalysis } from "@/lib/server/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";

export default async function WeightingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { dataset, questions } = pageProps(await loadAnalysis(id, "schema:edit", `/datasets/${id}/weighting`));
  return (
    <div className="flex flex-col gap-6">
      <DatasetPageHeader dataset={dataset} title="Weighting">
        <p className="max-w-3xl text-sm text-slate-600">
          Rim weighting (raking) to population targets. The result is a new weight column on a new version of the dataset; the imported data are never changed, and
          every breakdown can switch between weights.
        </p>
      </DatasetPageHeader>
      <WeightingEditor datasetId={dataset.id} questions={questions} />
    </div>
  );
}
