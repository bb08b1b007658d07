"use client";

import { useId, useMemo, useState } from "react";
import { benchmarkCompareResultSchema, type BenchmarkCompareResult, type BenchmarkFigure } from "@/lib/schema/benchmark";
import { readAnswer } from "@/components/ui/read-answer";
import type { CompareDataset } from "@/lib/services/benchmark-compare";
import { ErrorMessage, LoadingPanel } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { CompareResult } from "./compare-result";

const NET = "__net";
const TOTAL = "Total";

interface Choice {
  datasetId: string;
  outcome: string;
  category: string;
  segment: string;
  column: string;
  weighted: boolean;
  useBase: boolean;
}

/** The figure's own demo reading when the dataset is there, else the first sensible question. */
function defaults(figure: BenchmarkFigure, datasets: CompareDataset[], datasetId?: string): Choice {
  const m = figure.demoMatch;
  const ds = datasets.find((d) => d.id === (datasetId ?? m?.dataset)) ?? datasets[0];
  const matched = m !== undefined && m.dataset === ds.id;
  // the figure's own reading, else the demo's headline question (rolled back = Yes), else the first question
  const outcome = (matched && ds.outcomes.find((q) => q.id === m.outcome)) || ds.outcomes.find((q) => q.id === "rolled_back") || ds.outcomes[0];
  const yes = outcome?.options.find((o) => o.code === "Yes")?.code;
  const category = matched && Array.isArray(m.outcome_category) ? NET : ((matched && m.outcome_category) || yes || outcome?.options[0]?.code) ?? "";
  const preferred = matched && m.segment ? m.segment : "guardrail_maturity";
  const segment = ds.segments.find((q) => q.id === preferred) ?? ds.segments.find((q) => q.id !== outcome?.id) ?? ds.segments[0];
  return {
    datasetId: ds.id,
    outcome: outcome?.id ?? "",
    category: category as string,
    segment: segment?.id ?? "",
    column: matched && m.segment_level ? m.segment_level : TOTAL,
    weighted: ds.weight !== null,
    useBase: matched && (m.filters?.length ?? 0) > 0,
  };
}

type State = { status: "idle" } | { status: "loading" } | { status: "error"; message: string } | { status: "ready"; result: BenchmarkCompareResult };

/** "Compare with my data": pick a dataset, answer and column, then see both estimates side by side. */
export function ComparePanel({ figure, datasets }: { figure: BenchmarkFigure; datasets: CompareDataset[] }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<Choice | null>(() => (datasets.length ? defaults(figure, datasets) : null));
  const [state, setState] = useState<State>({ status: "idle" });
  const ds = useMemo(() => datasets.find((d) => d.id === choice?.datasetId), [datasets, choice?.datasetId]);
  const m = figure.demoMatch;
  const baseFilters = m && ds && m.dataset === ds.id ? (m.filters ?? []) : [];
  const outcome = ds?.outcomes.find((q) => q.id === choice?.outcome);
  const segment = ds?.segments.find((q) => q.id === choice?.segment);
  const set = (patch: Partial<Choice>) => setChoice((c) => (c ? { ...c, ...patch } : c));

  async function run() {
    if (!choice || !ds) return;
    setState({ status: "loading" });
    const category = choice.category === NET && m && Array.isArray(m.outcome_category) ? m.outcome_category : choice.category;
    const filters = choice.useBase ? Object.fromEntries(baseFilters.map((f) => [f.column, f.values])) : {};
    const body = {
      benchmarkId: figure.id,
      column: choice.column,
      spec: { outcome: choice.outcome, outcome_category: category, segment: choice.segment, filters, ...(choice.weighted && ds.weight ? { weight: ds.weight } : {}) },
    };
    try {
      const res = await fetch(`/api/datasets/${encodeURIComponent(ds.id)}/benchmark-compare`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      setState({ status: "ready", result: await readAnswer(res, benchmarkCompareResultSchema) });
    } catch (err) {
      setState({ status: "error", message: (err as Error).message });
    }
  }

  if (!datasets.length || !choice) {
    return <p className="text-xs text-slate-500">Upload or get access to a dataset to compare it with this figure.</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button variant="secondary" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)} data-testid={`compare-toggle-${figure.id}`}>
          {open ? "Hide comparison" : "Compare with my data"}
        </Button>
      </div>
      {open ? (
        <div id={`${id}-panel`} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
          <form
            className="grid grid-cols-1 gap-3 sm:grid-cols-2"
            onSubmit={(e) => {
              e.preventDefault();
              void run();
            }}
          >
            <Field label="Dataset" htmlFor={`${id}-ds`}>
              <Select id={`${id}-ds`} value={choice.datasetId} onChange={(e) => setChoice(defaults(figure, datasets, e.target.value))}>
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Question" htmlFor={`${id}-q`}>
              <Select id={`${id}-q`} value={choice.outcome} onChange={(e) => set({ outcome: e.target.value, category: ds?.outcomes.find((q) => q.id === e.target.value)?.options[0]?.code ?? "" })}>
                {ds?.outcomes.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Answer counted" htmlFor={`${id}-a`}>
              <Select id={`${id}-a`} value={choice.category} onChange={(e) => set({ category: e.target.value })}>
                {choice.category === NET && m && Array.isArray(m.outcome_category) ? <option value={NET}>NET: {m.outcome_category.join(" + ")}</option> : null}
                {outcome?.options.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Breakdown" htmlFor={`${id}-s`}>
              <Select id={`${id}-s`} value={choice.segment} onChange={(e) => set({ segment: e.target.value, column: TOTAL })}>
                {ds?.segments.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Column" htmlFor={`${id}-c`}>
              <Select id={`${id}-c`} value={choice.column} onChange={(e) => set({ column: e.target.value })}>
                <option value={TOTAL}>Total</option>
                {segment?.options.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </Field>
            <div className="flex flex-col justify-end gap-2 text-sm text-slate-700">
              {ds?.weight ? (
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={choice.weighted} onChange={(e) => set({ weighted: e.target.checked })} /> Weighted ({ds.weight})
                </label>
              ) : null}
              {baseFilters.length ? (
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={choice.useBase} onChange={(e) => set({ useBase: e.target.checked })} />
                  Same base as the figure ({baseFilters.map((f) => `${f.column}: ${f.values.join(", ")}`).join("; ")})
                </label>
              ) : null}
            </div>
            <div className="sm:col-span-2">
              <Button type="submit" disabled={state.status === "loading"} data-testid="compare-run">
                Compare
              </Button>
            </div>
          </form>
          {state.status === "loading" ? <LoadingPanel label="Comparing…" /> : null}
          {state.status === "error" ? <ErrorMessage title="The comparison could not be made" message={state.message} /> : null}
          {state.status === "ready" ? <CompareResult result={state.result} /> : null}
        </div>
      ) : null}
    </div>
  );
}
