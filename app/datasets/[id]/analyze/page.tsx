import { DatasetPageHeader } from "@/components/datasets/dataset-page-header";
import { Suspense } from "react";
import { BreakdownView } from "@/components/breakdown/breakdown-view";
import { LoadingPanel } from "@/components/states/states";
import { parseBreakdownState, stateQuestions } from "@/lib/analysis/breakdown-state";
import { loadAnalysis } from "@/lib/server/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

/** The page's URL state as the breakdown view parses it (the questions it names come with the page). */
function urlState(search: Search) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) params.append(k, x);
  return parseBreakdownState(params);
}

export default async function AnalyzePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { id } = await params;
  const named = stateQuestions(urlState(await searchParams));
  const { dataset, questions, lazy, questionCount, minBase, defaultFilters, defaultWeight, respondentExport } = pageProps(
    await loadAnalysis(id, "crosstab:run", `/datasets/${id}/analyze`, (_all, weight) => [...named, ...(weight ? [weight] : [])]),
  );
  return (
    <div className="flex flex-col gap-6">
      <DatasetPageHeader dataset={dataset} title="Analyze" />
      <Suspense fallback={<LoadingPanel />}>
        <BreakdownView
          datasetId={dataset.id}
          questions={questions}
          lazy={lazy}
          questionCount={questionCount}
          minBase={minBase}
          defaultFilters={defaultFilters}
          defaultWeight={defaultWeight ?? undefined}
          respondentExport={respondentExport}
        />
      </Suspense>
    </div>
  );
}
