"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Filter, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { dashboardFilterQuery, type DashboardFilters } from "@/lib/views/dashboard-filters";
import type { FilterQuestion } from "@/lib/views/filter-options";

interface Props {
  questions: FilterQuestion[];
  active: DashboardFilters;
  /** the dashboard's path, without a query */
  path: string;
}

/**
 * Dashboard-level filters: chips for the active ones (each removable), and a small form to add
 * one (a question, then its answers). Applying navigates, so the filtered dashboard has a URL to
 * share and every tile is recomputed on the server through the protected path.
 */
export function DashboardFiltersBar({ questions, active, path }: Props) {
  const router = useRouter();
  const id = useId();
  const [adding, setAdding] = useState(false);
  const [question, setQuestion] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const go = (next: DashboardFilters) => {
    const q = dashboardFilterQuery(next);
    router.push(q ? `${path}?${q}` : path);
  };
  const labelOf = (qid: string, code: string) => questions.find((q) => q.id === qid)?.options.find((o) => o.code === code)?.label ?? code;
  const current = questions.find((q) => q.id === question);
  const entries = Object.entries(active);
  if (!questions.length && !entries.length) return null;

  return (
    <section aria-label="Dashboard filters" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3" data-testid="dashboard-filters">
      <div className="flex flex-wrap items-center gap-2">
        <span className="inline-flex items-center gap-1 text-sm font-medium text-slate-700">
          <Filter className="size-4" aria-hidden /> Filters
        </span>
        {entries.length === 0 ? <span className="text-sm text-slate-500">None: every tile shows its saved view.</span> : null}
        {entries.map(([qid, codes]) => {
          const text = `${questions.find((q) => q.id === qid)?.label ?? qid}: ${codes.map((c) => labelOf(qid, c)).join(" or ")}`;
          return (
            <span key={qid} className="inline-flex max-w-full items-center gap-1 rounded-full bg-sky-50 px-3 py-1 text-sm text-sky-900" data-testid="dashboard-filter-chip">
              <span className="truncate">{text}</span>
              <button
                type="button"
                className="rounded-full p-0.5 hover:bg-sky-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
                aria-label={`Remove filter ${text}`}
                onClick={() => go(Object.fromEntries(entries.filter(([k]) => k !== qid)))}
              >
                <X className="size-3.5" aria-hidden />
              </button>
            </span>
          );
        })}
        {entries.length ? (
          <Button variant="secondary" onClick={() => go({})}>
            Clear filters
          </Button>
        ) : null}
        {!adding && questions.length ? (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Add filter
          </Button>
        ) : null}
      </div>
      {adding ? (
        <form
          className="flex flex-col gap-3 border-t border-slate-100 pt-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!current || !chosen.length) return;
            setAdding(false);
            go({ ...active, [current.id]: chosen });
          }}
        >
          <Field label="Question" htmlFor={`${id}-q`}>
            <Select
              id={`${id}-q`}
              value={question}
              onChange={(e) => {
                setQuestion(e.target.value);
                setChosen(active[e.target.value] ?? []);
              }}
            >
              <option value="">Choose a question…</option>
              {questions.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.label}
                </option>
              ))}
            </Select>
          </Field>
          {current ? (
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">Answers to keep</legend>
              <div className="grid grid-cols-1 gap-1 sm:grid-cols-2 lg:grid-cols-3">
                {current.options.map((o) => (
                  <label key={o.code} className="flex items-center gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      checked={chosen.includes(o.code)}
                      onChange={(e) => setChosen(e.target.checked ? [...chosen, o.code] : chosen.filter((c) => c !== o.code))}
                    />
                    {o.label}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" disabled={!current || !chosen.length}>
              Apply filter
            </Button>
            <Button variant="secondary" onClick={() => setAdding(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
