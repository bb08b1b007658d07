import Link from "next/link";
import { SchemaEditor } from "@/components/datasets/schema-editor";
import { DerivedVariableEditor } from "@/components/datasets/derived-variable-editor";
import { EncodingPanel } from "@/components/datasets/encoding-panel";
import { previewLabels } from "@/lib/ingest/encodings";
import { hasSourceBytes } from "@/lib/services/source-bytes";
import { formatCountOf } from "@/lib/format/number";
import { loadsLazily, pageOfQuestions } from "@/lib/analysis/question-search";
import { loadDataset } from "@/lib/server/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

export default async function SchemaPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> }) {
  const { id } = await params;
  const search = await searchParams;
  const d = pageProps(await loadDataset(id, "schema:edit", `/datasets/${id}/schema`)).dataset;
  // a wide dataset is reviewed a page of questions at a time (edits are saved by question id)
  const paged = loadsLazily(d.questions);
  const query = paged ? String([search.q].flat()[0] ?? "").slice(0, 200) : "";
  const list = pageOfQuestions(d.questions, query, paged ? Number([search.page].flat()[0] ?? 1) : 1, paged ? PAGE_SIZE : Math.max(1, d.questions.length));
  const onPage = new Set(list.items.map((q) => q.id));
  const pager = paged ? { path: `/datasets/${d.id}/schema`, query, page: list.page, pages: list.pages, total: list.total, shown: list.items.length } : undefined;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-1">
          <p className="text-sm text-slate-500">
            <Link href={`/datasets/${d.id}`} className="hover:underline">
              <bdi>{d.name}</bdi>
            </Link>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">Review questions</h1>
          <p className="text-sm text-slate-600" data-testid="import-summary">
            {d.format} export, {formatCountOf(d.headerRows, "header row")}, {formatCountOf(d.respondents, "respondent")}, {formatCountOf(d.questions.length, "question")},{" "}
            {formatCountOf(d.warnings.length, "warning")}
          </p>
        </div>
        <Link
          href={`/datasets/${d.id}/analyze`}
          className="inline-flex items-center gap-2 rounded-md bg-[var(--color-accent)] px-3 py-1.5 text-sm font-medium text-white hover:opacity-90"
        >
          Continue to analysis
        </Link>
      </header>
      {d.encoding !== "utf-8" ? (
        <EncodingPanel
          datasetId={d.id}
          version={d.version}
          encoding={d.encoding}
          assumed={d.warnings.some((w) => w.code === "encoding-assumed")}
          kept={hasSourceBytes(d)}
          labels={previewLabels(d.questions.flatMap((q) => [q.label, ...q.options.map((o) => o.label)]))}
        />
      ) : null}
      <DerivedVariableEditor datasetId={d.id} questions={paged ? [] : d.questions} lazy={paged} questionCount={d.questions.length} />
      <SchemaEditor
        // a new page of questions starts a new review (the pager is locked while edits are unsaved)
        key={paged ? `${query}|${list.page}` : "all"}
        datasetId={d.id}
        version={d.version}
        questions={list.items}
        defaultWeight={d.defaultWeight}
        pager={pager}
        otherWeights={paged ? d.questions.filter((q) => q.type === "weight" && !onPage.has(q.id)).slice(0, 50) : []}
      />
    </div>
  );
}
