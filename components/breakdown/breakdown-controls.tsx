"use client";

import { SUMMARY, type BreakdownState } from "@/lib/analysis/breakdown-state";
import { isZeroToTen } from "@/lib/analysis/nps-source";
import { canBeFilter, canBeOutcome, canBeSegment, type QuestionLite } from "@/lib/analysis/question-roles";
import { Field, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { X } from "lucide-react";

interface Props {
  questions: QuestionLite[];
  state: BreakdownState;
  /** apply a change to the latest state (not the render-time one: changes can outpace renders) */
  onChange: (update: (current: BreakdownState) => BreakdownState) => void;
}

function label(q: QuestionLite): string {
  return q.label === q.id ? q.id : `${q.id} · ${q.label}`;
}

/** Pick outcome, category, segment, weight and filters. */
export function BreakdownControls({ questions, state, onChange }: Props) {
  const outcome = questions.find((q) => q.id === state.outcome);
  const weights = questions.filter((q) => q.type === "weight");
  const filterable = questions.filter(canBeFilter);
  const set = (patch: Partial<BreakdownState>) => onChange((current) => ({ ...current, ...patch }));
  const filterIds = Object.keys(state.filters);
  return (
    <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4" data-testid="breakdown-controls">
      <Field label="Outcome" htmlFor="bd-outcome">
        <Select
          id="bd-outcome"
          value={state.outcome ?? ""}
          onChange={(e) => {
            const q = questions.find((x) => x.id === e.target.value);
            set({ outcome: e.target.value || undefined, category: q?.type === "numeric" ? undefined : q?.options[0]?.code });
          }}
        >
          <option value="">Choose a question…</option>
          {questions.filter(canBeOutcome).map((q) => (
            <option key={q.id} value={q.id}>
              {label(q)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={outcome?.type === "numeric" ? "Statistic" : "Answer"} htmlFor="bd-category">
        {outcome?.type === "numeric" ? (
          <Select id="bd-category" disabled value="mean">
            <option value="mean">Mean</option>
          </Select>
        ) : (
          <Select id="bd-category" value={state.category ?? ""} disabled={!outcome} onChange={(e) => set({ category: e.target.value || undefined })}>
            {!outcome ? <option value="">Choose an outcome first</option> : null}
            {outcome?.options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
            {outcome && outcome.type === "ordinal" && outcome.options.length >= 4 ? (
              <optgroup label="Summaries">
                <option value={SUMMARY.top2}>Top 2 box ({outcome.options.slice(-2).map((o) => o.label).join(" + ")})</option>
                <option value={SUMMARY.bottom2}>Bottom 2 box ({outcome.options.slice(0, 2).map((o) => o.label).join(" + ")})</option>
                {outcome.options.every((o) => o.code.trim() !== "" && Number.isFinite(Number(o.code))) ? <option value={SUMMARY.mean}>Mean score</option> : null}
                {isZeroToTen(outcome.options.map((o) => o.code)) ? <option value={SUMMARY.nps}>Net Promoter Score</option> : null}
              </optgroup>
            ) : null}
          </Select>
        )}
      </Field>
      <Field label="Segment" htmlFor="bd-segment">
        <Select id="bd-segment" value={state.segment ?? ""} onChange={(e) => set({ segment: e.target.value || undefined })}>
          <option value="">Choose a segment…</option>
          {questions.filter((q) => canBeSegment(q) && q.id !== state.outcome).map((q) => (
            <option key={q.id} value={q.id}>
              {label(q)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Weight" htmlFor="bd-weight">
        <Select id="bd-weight" value={state.weight ?? ""} onChange={(e) => set({ weight: e.target.value || undefined })}>
          <option value="">Unweighted</option>
          {weights.map((q) => (
            <option key={q.id} value={q.id}>
              {label(q)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Multiple comparisons" htmlFor="bd-sig" hint="Correction applied to the significance letters">
        <Select
          id="bd-sig"
          value={state.sig ?? "none"}
          onChange={(e) => set({ sig: e.target.value === "none" ? undefined : (e.target.value as "holm" | "bonferroni") })}
        >
          <option value="none">No correction</option>
          <option value="holm">Holm</option>
          <option value="bonferroni">Bonferroni</option>
        </Select>
      </Field>
      <div className="flex flex-wrap items-end gap-2 md:col-span-2 lg:col-span-3">
        <Field label="Add filter" htmlFor="bd-filter-add">
          <Select
            id="bd-filter-add"
            value=""
            onChange={(e) => {
              const q = questions.find((x) => x.id === e.target.value);
              if (q?.options[0]) onChange((c) => ({ ...c, filters: { ...c.filters, [q.id]: [q.options[0].code] } }));
            }}
          >
            <option value="">Filter by a question…</option>
            {filterable.filter((q) => !filterIds.includes(q.id)).map((q) => (
              <option key={q.id} value={q.id}>
                {label(q)}
              </option>
            ))}
          </Select>
        </Field>
        {filterIds.map((id) => {
          const q = questions.find((x) => x.id === id);
          if (!q) return null;
          return (
            <div key={id} className="flex items-end gap-1 rounded-md border border-slate-200 bg-slate-50 p-2" data-testid={`filter-${id}`}>
              <Field label={q.id} htmlFor={`bd-filter-${id}`}>
                <Select
                  id={`bd-filter-${id}`}
                  multiple
                  size={Math.min(4, q.options.length)}
                  value={state.filters[id]}
                  onChange={(e) => {
                    const values = Array.from(e.target.selectedOptions).map((o) => o.value);
                    onChange((c) => ({ ...c, filters: { ...c.filters, [id]: values } }));
                  }}
                >
                  {q.options.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button
                variant="ghost"
                aria-label={`Remove filter ${q.id}`}
                onClick={() =>
                  onChange((c) => {
                    const next = { ...c.filters };
                    delete next[id];
                    return { ...c, filters: next };
                  })
                }
              >
                <X className="size-4" aria-hidden />
              </Button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
