"use client";

import { bannerSegments, SUMMARY, type BreakdownState } from "@/lib/analysis/breakdown-state";
import { effectiveWeight, pickWeight } from "@/lib/analysis/default-weight";
import { isZeroToTen } from "@/lib/analysis/nps-source";
import { gridsOf, type QuestionLite } from "@/lib/analysis/question-roles";
import { Field, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { QuestionPicker } from "@/components/questions/question-picker";
import type { QuestionCatalog } from "@/components/questions/use-question-catalog";
import { X } from "lucide-react";
import { FilterControl } from "./filter-control";

interface Props {
  catalog: QuestionCatalog;
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
function BannerSegments({ catalog, state, onChange }: Props) {
  const chosen = bannerSegments(state);
  const setList = (list: string[]) => onChange((c) => ({ ...c, view: "banner", segments: list }));
  const full = chosen.length >= MAX_BANNER_SEGMENTS;
  return (
    <div className="flex flex-col gap-2 md:col-span-2" data-testid="banner-segments">
      <QuestionPicker
        catalog={catalog}
        role="segment"
        id="bd-segment-add"
        label="Add a banner segment"
        hint={`Column groups, left to right (up to ${MAX_BANNER_SEGMENTS})`}
        empty={full ? "At most 4 segments" : "Add a segment…"}
        disabled={full}
        exclude={[...(state.outcome ? [state.outcome] : []), ...chosen]}
        onPick={(id) => {
          if (!id) return;
          void catalog.ensure([id]);
          setList([...bannerSegments(state), id]);
        }}
      />
      <ul className="flex flex-wrap gap-2" aria-label="Banner segments">
        {chosen.map((id) => {
          const q = catalog.find(id);
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
export function BreakdownControls({ catalog, state, onChange, defaultWeight }: Props) {
  const outcome = catalog.find(state.outcome);
  const weights = catalog.questions.filter((q: QuestionLite) => q.type === "weight");
  // grids (rows × one scale) among the questions on the page; a wide dataset's lazy picker lists questions only
  const grids = catalog.lazy ? [] : gridsOf(catalog.questions);
  const set = (patch: Partial<BreakdownState>) => onChange((current) => ({ ...current, ...patch }));
  const banner = state.view === "banner";
  const pickOutcome = async (id: string | undefined) => {
    // the question's answers (on the page, or loaded now): start on its first answer
    const q = id ? (await catalog.ensure([id]))[0] : undefined;
    set({ outcome: id, category: q?.type === "numeric" ? undefined : q?.options[0]?.code });
  };
  return (
    <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4" data-testid="breakdown-controls">
      <ViewSwitch state={state} onChange={onChange} />
      <QuestionPicker
        catalog={catalog}
        role="outcome"
        id="bd-outcome"
        label="Outcome"
        value={state.outcome}
        empty="Choose a question…"
        onPick={(id) => {
          // a grid is shown as a banner: one column per row
          if (id && grids.some((g) => g.id === id)) return set({ outcome: id, category: undefined, view: "banner" });
          void pickOutcome(id);
        }}
      >
        {grids.length ? (
          <optgroup label="Grids (rows × one scale)">
            {grids.map((g) => (
              <option key={g.id} value={g.id}>
                {`${g.label} (grid, ${g.rows} rows)`}
              </option>
            ))}
          </optgroup>
        ) : null}
      </QuestionPicker>
      {banner ? (
        <BannerSegments catalog={catalog} state={state} onChange={onChange} />
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
        <QuestionPicker
          catalog={catalog}
          role="segment"
          id="bd-segment"
          label="Segment"
          value={state.segment}
          empty="Choose a segment…"
          exclude={state.outcome ? [state.outcome] : []}
          onPick={(id) => {
            if (id) void catalog.ensure([id]);
            set({ segment: id });
          }}
        />
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
      <FilterControl catalog={catalog} filters={state.filters} onApply={(filters) => onChange((c) => ({ ...c, filters }))} />
    </div>
  );
}
