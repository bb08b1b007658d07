"use client";

import { useEffect, useRef, useState } from "react";
import { Filter, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { QuestionCombobox } from "@/components/questions/question-combobox";
import type { QuestionCatalog } from "@/components/questions/use-question-catalog";

type Filters = Record<string, string[]>;

const ADD_ID = "filter-add";

interface Props {
  catalog: QuestionCatalog;
  filters: Filters;
  /** the filters to apply (nothing changes until the user applies) */
  onApply: (next: Filters) => void;
}

/** "Country: Germany, France": a filter as its chip reads, answers by their labels. */
export function filterText(catalog: QuestionCatalog, id: string, codes: readonly string[]): { question: string; answers: string } {
  const q = catalog.find(id);
  const labels = new Map((q?.options ?? []).map((o) => [o.code, o.label]));
  return { question: q?.label ?? id, answers: codes.map((c) => labels.get(c) ?? c).join(", ") };
}

/**
 * The analysis filters: one chip per filter ("Question: answer, answer", removable, editable) and
 * an editor to add one — pick a question (searchable), tick its answers by label, Apply. Nothing
 * applies until Apply; Clear unticks every answer; Cancel or Escape closes without a change.
 */
export function FilterControl({ catalog, filters, onApply }: Props) {
  const [editing, setEditing] = useState<{ question?: string; ticked: string[] } | null>(null);
  const [loading, setLoading] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const ids = Object.keys(filters);
  const question = catalog.find(editing?.question);

  useEffect(() => {
    if (editing && !editing.question) panelRef.current?.querySelector<HTMLInputElement>("input[role=combobox]")?.focus();
  }, [editing]);

  const pick = async (id: string) => {
    setEditing({ question: id, ticked: filters[id] ?? [] });
    setLoading(true);
    try {
      await catalog.ensure([id]);
    } finally {
      setLoading(false);
    }
  };
  const close = () => {
    setEditing(null);
    document.getElementById(ADD_ID)?.focus();
  };
  const apply = () => {
    if (!editing?.question || !editing.ticked.length) return;
    onApply({ ...filters, [editing.question]: editing.ticked });
    close();
  };
  const remove = (id: string) => {
    const next = { ...filters };
    delete next[id];
    onApply(next);
    document.getElementById(ADD_ID)?.focus();
  };
  const toggle = (code: string, on: boolean) => setEditing((e) => (e ? { ...e, ticked: on ? [...e.ticked.filter((c) => c !== code), code] : e.ticked.filter((c) => c !== code)} : e));

  return (
    <div className="flex flex-col gap-2 md:col-span-2 lg:col-span-4" data-testid="filter-control">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-medium uppercase tracking-wide text-slate-500" id="filters-heading">
          Filters
        </span>
        <ul className="flex flex-wrap gap-2" aria-labelledby="filters-heading">
          {ids.map((id) => {
            const t = filterText(catalog, id, filters[id]);
            return (
              <li key={id} className="inline-flex items-center gap-1 rounded-full border border-slate-200 bg-slate-50 py-0.5 pl-3 pr-1 text-sm" data-testid={`filter-${id}`}>
                <button type="button" className="text-left hover:underline" aria-label={`Edit filter ${t.question}: ${t.answers}`} onClick={() => void pick(id)}>
                  <bdi className="font-medium">{t.question}</bdi>: <bdi>{t.answers}</bdi>
                </button>
                <Button variant="ghost" className="px-1.5 py-0.5" aria-label={`Remove filter ${t.question}`} onClick={() => remove(id)}>
                  <X className="size-3.5" aria-hidden />
                </Button>
              </li>
            );
          })}
        </ul>
        <Button id={ADD_ID} variant="secondary" aria-expanded={editing !== null} aria-controls="filter-editor" onClick={() => (editing ? close() : setEditing({ ticked: [] }))}>
          <Filter className="size-4" aria-hidden /> Add filter
        </Button>
      </div>
      {editing ? (
        <div
          id="filter-editor"
          ref={panelRef}
          role="group"
          aria-label="Filter"
          className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-3 shadow-sm"
          onKeyDown={(e) => {
            if (e.key === "Escape" && !(e.target instanceof HTMLInputElement && e.target.getAttribute("aria-expanded") === "true")) close();
          }}
        >
          <QuestionCombobox catalog={catalog} role="filter" label="Filter by question" value={editing.question} exclude={ids.filter((i) => i !== editing.question)} placeholder="Search a question…" onPick={(id) => void pick(id)} />
          {editing.question ? (
            loading && !question ? (
              <p className="text-sm text-slate-500">Loading answers…</p>
            ) : (
              <fieldset className="flex flex-col gap-1" data-testid="filter-answers">
                <legend className="mb-1 text-sm font-medium text-slate-700">
                  Answers of <bdi>{question?.label ?? editing.question}</bdi> to keep
                </legend>
                <div className="grid max-h-64 gap-1 overflow-auto sm:grid-cols-2 lg:grid-cols-3">
                  {(question?.options ?? []).map((o) => (
                    <label key={o.code} className="flex items-start gap-2 text-sm">
                      <input type="checkbox" className="mt-0.5" checked={editing.ticked.includes(o.code)} onChange={(e) => toggle(o.code, e.target.checked)} />
                      <bdi>{o.label}</bdi>
                    </label>
                  ))}
                </div>
              </fieldset>
            )
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button onClick={apply} disabled={!editing.question || !editing.ticked.length}>
              Apply
            </Button>
            <Button variant="secondary" onClick={() => setEditing((e) => (e ? { ...e, ticked: [] } : e))} disabled={!editing.ticked.length}>
              Clear
            </Button>
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
