"use client";

import { useId, useMemo, useState } from "react";
import { checkComparison } from "@/lib/analysis/benchmark-check";
import { suggestMatches, type MatchSuggestion } from "@/lib/analysis/benchmark-match";
import { benchmarkCompareResultSchema, type BenchmarkCompareResult, type BenchmarkFigure } from "@/lib/schema/benchmark";
import { readAnswer } from "@/components/ui/read-answer";
import type { CompareDataset } from "@/lib/services/benchmark-compare";
import { ErrorMessage, LoadingPanel } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { CompareResult } from "./compare-result";
import { type Choice, NET, TOTAL, choiceCategory, defaultChoice, fromSuggestion, matchDatasets } from "./compare-choice";
import { CompareSuggestions, MatchWarnings } from "./compare-suggestions";

type State = { status: "idle" } | { status: "loading" } | { status: "error"; message: string } | { status: "ready"; result: BenchmarkCompareResult };

/**
 * "Compare with my data": the questions whose wording best matches the figure are suggested (the
 * curated or a strong match preselected, else none), the choice is checked against the figure's
 * definition and base as it is made, then both estimates are shown side by side.
 */
export function ComparePanel({ figure, datasets }: { figure: BenchmarkFigure; datasets: CompareDataset[] }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<Choice | null>(() => (datasets.length ? defaultChoice(figure, datasets) : null));
  const [state, setState] = useState<State>({ status: "idle" });
  const matchable = useMemo(() => matchDatasets(datasets), [datasets]);
  // computed when the panel opens (a page lists many figures)
  const suggestions = useMemo(() => (open ? suggestMatches(figure, matchable, 3) : []), [open, figure, matchable]);
  const ds = useMemo(() => datasets.find((d) => d.id === choice?.datasetId), [datasets, choice?.datasetId]);
  const m = figure.demoMatch;
  const baseFilters = m && ds && m.dataset === ds.id ? (m.filters ?? []) : [];
  const outcome = ds?.outcomes.find((q) => q.id === choice?.outcome);
  const segment = ds?.segments.find((q) => q.id === choice?.segment);
  const set = (patch: Partial<Choice>) => setChoice((c) => (c ? { ...c, acknowledged: false, ...patch } : c));
  const filters = choice?.useBase ? Object.fromEntries(baseFilters.map((f) => [f.column, f.values])) : {};
  const check = useMemo(() => {
    const md = matchable.find((d) => d.id === choice?.datasetId);
    if (!choice || !md || !choice.outcome || !choice.category) return null;
    return checkComparison(figure, md, { outcome: choice.outcome, category: choiceCategory(choice, figure), segment: choice.segment, column: choice.column, filters }, choice.acknowledged);
    // filters derive from choice.useBase
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [figure, matchable, choice]);
  const weak = check !== null && check.strength === "weak";

  async function run() {
    if (!choice || !ds || !choice.outcome) return;
    setState({ status: "loading" });
    const body = {
      benchmarkId: figure.id,
      column: choice.column,
      acknowledgeMismatch: choice.acknowledged,
      spec: { outcome: choice.outcome, outcome_category: choiceCategory(choice, figure), segment: choice.segment, filters, ...(choice.weighted && ds.weight ? { weight: ds.weight } : {}) },
    };
    try {
      const res = await fetch(`/api/datasets/${encodeURIComponent(ds.id)}/benchmark-compare`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      setState({ status: "ready", result: await readAnswer(res, benchmarkCompareResultSchema) });
    } catch (err) {
      setState({ status: "error", message: (err as Error).message });
    }
  }

  const use = (s: MatchSuggestion) => {
    const target = datasets.find((d) => d.id === s.datasetId);
    if (target) setChoice(fromSuggestion(s, target));
    setState({ status: "idle" });
  };

  if (!datasets.length || !choice) {
    return <p className="text-xs text-slate-500">Upload or get access to a dataset to compare it with this figure.</p>;
  }
  const suggestedNet = choice.category.startsWith("[") ? (JSON.parse(choice.category) as string[]) : null;
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button variant="secondary" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)} data-testid={`compare-toggle-${figure.id}`}>
          {open ? "Hide comparison" : "Compare with my data"}
        </Button>
      </div>
      {open ? (
        <div id={`${id}-panel`} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
          <CompareSuggestions suggestions={suggestions} names={Object.fromEntries(datasets.map((d) => [d.id, d.name]))} onUse={use} />
          <form
            className="grid grid-cols-1 gap-3 sm:grid-cols-2"
            onSubmit={(e) => {
              e.preventDefault();
              void run();
            }}
          >
            <Field label="Dataset" htmlFor={`${id}-ds`}>
              <Select id={`${id}-ds`} value={choice.datasetId} onChange={(e) => setChoice(defaultChoice(figure, datasets, e.target.value))}>
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Question" htmlFor={`${id}-q`}>
              <Select id={`${id}-q`} value={choice.outcome} onChange={(e) => set({ outcome: e.target.value, category: ds?.outcomes.find((q) => q.id === e.target.value)?.options[0]?.code ?? "" })}>
                <option value="" disabled>
                  Choose a question…
                </option>
                {ds?.outcomes.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Answer counted" htmlFor={`${id}-a`}>
              <Select id={`${id}-a`} value={choice.category} onChange={(e) => set({ category: e.target.value })} disabled={!outcome}>
                {choice.category === NET && m && Array.isArray(m.outcome_category) ? <option value={NET}>NET: {m.outcome_category.join(" + ")}</option> : null}
                {suggestedNet ? <option value={choice.category}>NET: {suggestedNet.join(" + ")}</option> : null}
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
            {check ? (
              <div className="sm:col-span-2">
                <MatchWarnings check={check} testId="compare-precheck" />
              </div>
            ) : null}
            {weak ? (
              <label className="flex items-start gap-2 text-sm text-slate-800 sm:col-span-2">
                <input type="checkbox" className="mt-1" checked={choice.acknowledged} onChange={(e) => setChoice({ ...choice, acknowledged: e.target.checked })} data-testid="compare-acknowledge" />
                Compare anyway: I know this question does not measure what the figure defines.
              </label>
            ) : null}
            <div className="sm:col-span-2">
              <Button type="submit" disabled={state.status === "loading" || !choice.outcome || (weak && !choice.acknowledged)} data-testid="compare-run">
                Compare
              </Button>
              {!choice.outcome ? <span className="ml-3 text-sm text-slate-600">Choose a question (or use a suggestion) first.</span> : null}
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
