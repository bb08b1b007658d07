"use client";

import { bannerSegments, SUMMARY, type BreakdownState } from "@/lib/analysis/breakdown-state";
import { effectiveWeight, pickWeight } from "@/lib/analysis/default-weight";
import { isZeroToTen } from "@/lib/analysis/nps-source";
import { canBeFilter, canBeOutcome, canBeSegment, gridsOf, type QuestionLite } from "@/lib/analysis/question-roles";
import { Field, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { X } from "lucide-react";

interface Props {
  questions: QuestionLite[];
  state: BreakdownState;
  /** apply a change to the latest state (not the render-time one: changes can outpace renders) */
  onChange: (update: (current: BreakdownState) => BreakdownState) => void;
  /** the dataset's default weight (used unless another is picked or weighting is off) */
  defaultWeight?: string;
}

function label(q: QuestionLite): string {
  return q.label === q.id ? q.id : `${q.id} · ${q.label}`;
}

const MAX_BANNER_SEGMENTS = 4;

/** What the weight picker says about the dataset's default weight (nothing when there is none). */
function weightHint(state: BreakdownState, defaultWeight: string | undefined): string | undefined {
  if (!defaultWeight) return undefined;
  if (state.weight && state.weight !== defaultWeight) return `The dataset's default weight is ${defaultWeight}`;
  return effectiveWeight(state, defaultWeight) ? "The dataset's default weight" : `Weighting switched off (the default is ${defaultWeight})`;
}

/** Switch between the single-answer breakdown and the banner table (all answers × several segments). */
function ViewSwitch({ state, onChange }: Pick<Props, "state" | "onChange">) {
  const banner = state.view === "banner";
  const choose = (toBanner: boolean) =>
    onChange((c) => {
      if (toBanner) return { ...c, view: "banner", segments: bannerSegments(c) };
      const { view: _view, segments, ...rest } = c;
      void _view;
      return { ...rest, segment: c.segment ?? segments?.[0] };
    });
  const item = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-[var(--color-accent)] ${active ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`;
  return (
    <div role="radiogroup" aria-label="What to show" className="inline-flex w-fit gap-1 rounded-lg bg-slate-100 p-1 md:col-span-2 lg:col-span-4">
      <button type="button" role="radio" aria-checked={!banner} className={item(!banner)} onClick={() => choose(false)} data-testid="view-single">
        One answer
      </button>
      <button type="button" role="radio" aria-checked={banner} className={item(banner)} onClick={() => choose(true)} data-testid="view-banner">
        All answers (banner table)
      </button>
    </div>
  );
}

/** The banner's segment questions: one chip per group (removable) and a picker to add one. */
function BannerSegments({ questions, state, onChange }: Props) {
  const chosen = bannerSegments(state);
  const options = questions.filter((q) => canBeSegment(q) && q.id !== state.outcome && !chosen.includes(q.id));
  const setList = (list: string[]) => onChange((c) => ({ ...c, view: "banner", segments: list }));
  return (
    <div className="flex flex-col gap-2 md:col-span-2" data-testid="banner-segments">
      <Field label="Add a banner segment" htmlFor="bd-segment-add" hint={`Column groups, left to right (up to ${MAX_BANNER_SEGMENTS})`}>
        <Select
          id="bd-segment-add"
          value=""
          disabled={chosen.length >= MAX_BANNER_SEGMENTS}
          onChange={(e) => {
            if (e.target.value) setList([...bannerSegments(state), e.target.value]);
          }}
        >
          <option value="">{chosen.length >= MAX_BANNER_SEGMENTS ? "At most 4 segments" : "Add a segment…"}</option>
          {options.map((q) => (
            <option key={q.id} value={q.id}>
              {label(q)}
            </option>
          ))}
        </Select>
      </Field>
      <ul className="flex flex-wrap gap-2" aria-label="Banner segments">
        {chosen.map((id) => {
          const q = questions.find((x) => x.id === id);
          return (
            <li key={id} className="inline-flex items-center gap-1 rounded-full border border-slate-200 bg-slate-50 py-0.5 pl-3 pr-1 text-sm" data-testid={`banner-segment-${id}`}>
              <bdi>{q ? q.label : id}</bdi>
              <Button variant="ghost" className="px-1.5 py-0.5" aria-label={`Remove segment ${q?.label ?? id}`} onClick={() => setList(chosen.filter((x) => x !== id))}>
                <X className="size-3.5" aria-hidden />
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Pick outcome, category, segment, weight and filters. */
export function BreakdownControls({ questions, state, onChange, defaultWeight }: Props) {
  const outcome = questions.find((q) => q.id === state.outcome);
  const grids = gridsOf(questions);
  const weights = questions.filter((q) => q.type === "weight");
  const filterable = questions.filter(canBeFilter);
  const set = (patch: Partial<BreakdownState>) => onChange((current) => ({ ...current, ...patch }));
  const filterIds = Object.keys(state.filters);
  const banner = state.view === "banner";
  return (
    <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4" data-testid="breakdown-controls">
      <ViewSwitch state={state} onChange={onChange} />
      <Field label="Outcome" htmlFor="bd-outcome">
        <Select
          id="bd-outcome"
          value={state.outcome ?? ""}
          onChange={(e) => {
            const q = questions.find((x) => x.id === e.target.value);
            // a grid is shown as a banner: one column per row
            if (!q && grids.some((g) => g.id === e.target.value)) return set({ outcome: e.target.value, category: undefined, view: "banner" });
            set({ outcome: e.target.value || undefined, category: q?.type === "numeric" ? undefined : q?.options[0]?.code });
          }}
        >
          <option value="">Choose a question…</option>
          {questions.filter(canBeOutcome).map((q) => (
            <option key={q.id} value={q.id}>
              {label(q)}
            </option>
          ))}
          {grids.length ? (
            <optgroup label="Grids (rows × one scale)">
              {grids.map((g) => (
                <option key={g.id} value={g.id}>
                  {`${g.label} (grid, ${g.rows} rows)`}
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
      </Field>
      {banner ? (
        <BannerSegments questions={questions} state={state} onChange={onChange} />
      ) : (
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
      )}
      {banner ? null : (
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
      )}
      <Field label="Weight" htmlFor="bd-weight" hint={weightHint(state, defaultWeight)}>
        <Select id="bd-weight" value={effectiveWeight(state, defaultWeight) ?? ""} onChange={(e) => set(pickWeight(e.target.value, defaultWeight))}>
          <option value="">Unweighted</option>
          {weights.map((q) => (
            <option key={q.id} value={q.id}>
              {label(q)}
              {q.id === defaultWeight ? " (default)" : ""}
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
