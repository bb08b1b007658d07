import Link from "next/link";
import type { DatasetSummary } from "@/lib/schema/dataset";
import { formatCount } from "@/lib/format/number";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/states/states";

const FORMAT_LABELS: Record<string, string> = {
  qualtrics: "Qualtrics",
  "qualtrics-legacy": "Qualtrics (legacy)",
  surveymonkey: "SurveyMonkey",
  "google-forms": "Google Forms",
  alchemer: "Alchemer",
  typeform: "Typeform",
  limesurvey: "LimeSurvey",
  odk: "ODK / Kobo",
  microdata: "Microdata",
};

export function DatasetList({ datasets }: { datasets: DatasetSummary[] }) {
  if (!datasets.length) {
    return <EmptyState title="No datasets yet">Upload a survey export above to start.</EmptyState>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="dataset-list">
        <caption className="sr-only">Datasets</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            <th scope="col" className="px-4 py-2">Source</th>
            <th scope="col" className="px-4 py-2 text-right">Respondents</th>
            <th scope="col" className="px-4 py-2 text-right">Questions</th>
            <th scope="col" className="px-4 py-2">Weighted</th>
            <th scope="col" className="px-4 py-2">Updated</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.id} className="border-t border-slate-100">
              <td className="px-4 py-2">
                <Link href={`/datasets/${d.id}`} className="font-medium text-[var(--color-accent)] hover:underline">
                  <bdi>{d.name}</bdi>
                </Link>
                {d.synthetic ? (
                  <Badge tone="warning" className="ml-2">
                    synthetic
                  </Badge>
                ) : null}
              </td>
              <td className="px-4 py-2">
                <Badge>{FORMAT_LABELS[d.format] ?? d.format}</Badge>
              </td>
              <td className="tabular px-4 py-2 text-right">{formatCount(d.respondents)}</td>
              <td className="tabular px-4 py-2 text-right">{formatCount(d.questionCount)}</td>
              <td className="px-4 py-2">{d.weighted ? "Yes" : "No"}</td>
              <td className="tabular whitespace-nowrap px-4 py-2 text-slate-500">{d.createdAt.slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
