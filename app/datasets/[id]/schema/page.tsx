import Link from "next/link";
import { SchemaEditor } from "@/components/datasets/schema-editor";
import { DerivedVariableEditor } from "@/components/datasets/derived-variable-editor";
import { EncodingPanel } from "@/components/datasets/encoding-panel";
import { hasSourceBytes } from "@/lib/services/source-bytes";
import { formatCountOf } from "@/lib/format/number";
import { loadDataset } from "@/lib/server/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";

export default async function SchemaPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const d = pageProps(await loadDataset(id, "schema:edit", `/datasets/${id}/schema`)).dataset;
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
          labels={d.questions.flatMap((q) => [q.label, ...q.options.map((o) => o.label)])}
        />
      ) : null}
      <DerivedVariableEditor datasetId={d.id} questions={d.questions} />
      <SchemaEditor datasetId={d.id} version={d.version} questions={d.questions} defaultWeight={d.defaultWeight} />
    </div>
  );
}
