import Link from "next/link";
import { BarChart3 } from "lucide-react";
import { ConfidentialityControl } from "@/components/datasets/confidentiality-control";
import { DeleteDatasetButton } from "@/components/datasets/delete-dataset-button";
import { QuestionList } from "@/components/datasets/question-list";
import { QuestionPager } from "@/components/datasets/question-pager";
import { loadsLazily, pageOfQuestions } from "@/lib/analysis/question-search";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { formatCountOf } from "@/lib/format/number";
import { loadDatasetOverview } from "@/lib/server/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 100;

export default async function DatasetPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> }) {
  const { id } = await params;
  const search = await searchParams;
  const { dataset, canEdit, canDelete } = pageProps(await loadDatasetOverview(id));
  // a wide dataset's list comes a page at a time (a page of 9,000 questions would weigh megabytes)
  const paged = loadsLazily(dataset.questions);
  const query = paged ? String([search.q].flat()[0] ?? "").slice(0, 200) : "";
  const list = pageOfQuestions(dataset.questions, query, paged ? Number([search.page].flat()[0] ?? 1) : 1, paged ? PAGE_SIZE : Math.max(1, dataset.questions.length));
  const weights = dataset.questions.filter((q) => q.type === "weight");
  const defaultWeight = dataset.defaultWeight && weights.some((q) => q.id === dataset.defaultWeight?.question) ? dataset.defaultWeight : undefined;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">
            <bdi>{dataset.name}</bdi>
          </h1>
          <p className="text-sm text-slate-500">
            {dataset.format} export · {formatCountOf(dataset.headerRows, "header row")} · {formatCountOf(dataset.respondents, "respondent")} ·{" "}
            {formatCountOf(dataset.questions.length, "question")} · version {dataset.version}
          </p>
          {weights.length ? (
            <p className="text-sm text-slate-500" data-testid="default-weight">
              {defaultWeight
                ? `Default weight: ${defaultWeight.question} (${defaultWeight.source === "import" ? "detected at import" : "chosen in review"}); the analysis uses it unless you switch weighting off`
                : `Weights: ${weights.map((q) => q.id).join(", ")}; no default weight, the analysis starts unweighted`}
              {canEdit ? (
                <>
                  {" · "}
                  <Link href={`/datasets/${dataset.id}/schema#default-weight`} className="text-[var(--color-accent)] underline underline-offset-2">
                    change
                  </Link>
                </>
              ) : null}
            </p>
          ) : null}
          {dataset.synthetic ? (
            <p>
              <Badge tone="warning">synthetic, calibrated to published figures</Badge>
            </p>
          ) : null}
          {dataset.description ? <p className="max-w-3xl text-sm text-slate-600">{dataset.description}</p> : null}
          <ConfidentialityControl datasetId={dataset.id} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/datasets/${dataset.id}/analyze`}
            className="inline-flex items-center gap-2 rounded-md bg-[var(--color-accent)] px-3 py-1.5 text-sm font-medium text-white hover:opacity-90"
          >
            <BarChart3 className="size-4" aria-hidden /> Analyze
          </Link>
          <Link href={`/datasets/${dataset.id}/insights`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
            Insights
          </Link>
          {canEdit ? (
            <>
              <Link href={`/datasets/${dataset.id}/weighting`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
                Weighting
              </Link>
              <Link href={`/datasets/${dataset.id}/schema`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
                Review questions
              </Link>
            </>
          ) : null}
          {canDelete ? <DeleteDatasetButton id={dataset.id} name={dataset.name} /> : null}
        </div>
      </header>
      {dataset.warnings.length ? (
        <Card>
          <CardContent>
            <details>
              <summary className="cursor-pointer text-sm font-medium text-amber-800">{dataset.warnings.length} import warnings</summary>
              <ul className="mt-2 list-disc pl-5 text-sm text-slate-700">
                {dataset.warnings.slice(0, 50).map((w, i) => (
                  <li key={i}>
                    {w.message}
                    {w.row !== undefined ? ` (row ${w.row}${w.column !== undefined ? `, column ${w.column}` : ""})` : ""}
                  </li>
                ))}
              </ul>
            </details>
          </CardContent>
        </Card>
      ) : null}
      {paged ? <QuestionPager path={`/datasets/${dataset.id}`} query={query} page={list.page} pages={list.pages} total={list.total} shown={list.items.length} /> : null}
      <QuestionList questions={list.items} />
    </div>
  );
}
