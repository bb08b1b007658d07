import { Suspense } from "react";
import Link from "next/link";
import { BreakdownView } from "@/components/breakdown/breakdown-view";
import { LoadingPanel } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { loadAnalysis } from "@/lib/server/loaders";

export const dynamic = "force-dynamic";

export default async function AnalyzePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { dataset, questions, minBase, defaultFilters } = await loadAnalysis(id);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-slate-500">
          <Link href={`/datasets/${dataset.id}`} className="hover:underline">
            {dataset.name}
          </Link>{" "}
          {dataset.synthetic ? <Badge tone="warning">synthetic, calibrated to published figures</Badge> : null}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Analyze</h1>
      </header>
      <Suspense fallback={<LoadingPanel />}>
        <BreakdownView datasetId={dataset.id} questions={questions} minBase={minBase} defaultFilters={defaultFilters} />
      </Suspense>
    </div>
  );
}
