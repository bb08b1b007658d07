import Link from "next/link";
import { WeightingEditor } from "@/components/weighting/weighting-editor";
import { loadAnalysis } from "@/lib/server/loaders";

export const dynamic = "force-dynamic";

export default async function WeightingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { dataset, questions } = await loadAnalysis(id, "schema:edit", `/datasets/${id}/weighting`);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-slate-500">
          <Link href={`/datasets/${dataset.id}`} className="hover:underline">
            {dataset.name}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Weighting</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          Rim weighting (raking) to population targets. The result is a new weight column on a new version of the dataset; the imported data are never changed, and
          every breakdown can switch between weights.
        </p>
      </header>
      <WeightingEditor datasetId={dataset.id} questions={questions} />
    </div>
  );
}
