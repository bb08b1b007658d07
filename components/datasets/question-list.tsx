import type { ProtectedQuestion } from "@/lib/schema/dataset";
import { formatCount } from "@/lib/format/number";
import { Badge } from "@/components/ui/badge";
import { TYPE_LABELS } from "./question-types";


const MAX_OPTIONS = 8;

/**
 * The dataset's questions: label, type, options with counts, answered base. An aggregate-only
 * audience gets a model without counts (lib/disclosure/question-model.ts): the list then shows the
 * options alone and says where the numbers are.
 */
export function QuestionList({ questions }: { questions: ProtectedQuestion[] }) {
  const counted = questions.some((q) => q.answered !== null || q.options.some((o) => o.count !== null));
  const count = (n: number | null) => (counted ? <span className="tabular text-slate-500">({formatCount(n)})</span> : null);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      {counted ? null : (
        <p className="border-b border-slate-100 px-4 py-2 text-sm text-slate-600" data-testid="counts-in-breakdowns">
          Counts are shown in breakdowns, where every number you see is checked against what you saw before, so that no two results together single out a handful of
          people.
        </p>
      )}
      <table className="w-full min-w-[36rem] text-sm" data-testid="question-list">
        <caption className="sr-only">Questions</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">Question</th>
            <th scope="col" className="px-4 py-2">Type</th>
            <th scope="col" className="px-4 py-2">{counted ? "Options (respondents)" : "Options"}</th>
            {counted ? <th scope="col" className="px-4 py-2 text-right">Answered</th> : null}
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr key={q.id} className="border-t border-slate-100 align-top">
              <td className="px-4 py-2">
                <p className="font-medium text-slate-900">
                  <bdi>{q.label}</bdi>
                </p>
                <p className="font-mono text-xs text-slate-500">
                  <bdi>{q.id}</bdi>
                </p>
              </td>
              <td className="px-4 py-2">
                <Badge tone={q.type === "weight" ? "accent" : "neutral"}>{TYPE_LABELS[q.type]}</Badge>
              </td>
              <td className="px-4 py-2 text-slate-700">
                {q.options.length ? (
                  <ul className="flex flex-wrap gap-x-3 gap-y-1">
                    {q.options.slice(0, MAX_OPTIONS).map((o) => (
                      <li key={o.code}>
                        <bdi>{o.label}</bdi> {count(o.count)}
                      </li>
                    ))}
                    {q.options.length > MAX_OPTIONS ? <li className="text-slate-500">+{q.options.length - MAX_OPTIONS} more</li> : null}
                  </ul>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
                {q.nonSubstantive?.length ? (
                  <p className="mt-1 text-xs text-slate-500" data-testid={`set-apart-${q.id}`}>
                    Not counted as answers:{" "}
                    {q.nonSubstantive.map((o, i) => (
                      <span key={o.code}>
                        {i ? ", " : ""}
                        <bdi>{o.label}</bdi> {count(o.count)}
                      </span>
                    ))}
                  </p>
                ) : null}
              </td>
              {counted ? <td className="tabular px-4 py-2 text-right">{formatCount(q.answered)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
