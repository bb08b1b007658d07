import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/states/states";
import { formatCountOf } from "@/lib/format/number";
import { loadDatasetList } from "@/lib/server/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Analyze" };

export default async function AnalyzeIndexPage() {
  const { datasets } = pageProps(await loadDatasetList("/analyze", "crosstab:run"));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Analyze</h1>
      {datasets.length ? (
        <ul className="grid gap-3 md:grid-cols-2">
          {datasets.map((d) => (
            <li key={d.id}>
              <Link href={`/datasets/${d.id}/analyze`} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-[var(--color-accent)]">
                <p className="font-medium">{d.name}</p>
                <p className="text-sm text-slate-500">
                  {formatCountOf(d.respondents, "respondent")} · {formatCountOf(d.questionCount, "question")}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No datasets to analyze">
          <Link href="/datasets" className="underline">
            Upload a survey export
          </Link>{" "}
          first.
        </EmptyState>
      )}
    </div>
  );
}
