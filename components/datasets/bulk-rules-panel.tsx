"use client";

import { useId, useMemo, useState } from "react";
import { labelCandidates, labelKey, missingLabelEdits, sameScale, scaleOrderEdits } from "@/lib/ingest/bulk-rules";
import { formatCountOf } from "@/lib/format/number";
import type { ProtectedQuestion } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { withEdits, type SchemaEdits } from "./use-schema-edits";

type Q = Question | ProtectedQuestion;
const box = "flex flex-col gap-3 rounded-md border border-slate-200 p-3";
const questionsText = (n: number) => formatCountOf(n, "question");
/** answer labels offered at once: the ones that read as non-answers come first, then the most shared */
const MAX_SHOWN = 150;

/** "Mark these labels missing in every question": pick answer labels, see how many questions they reach, apply as one undoable step. */
function MarkMissing({ questions, review, onDone }: { questions: Q[]; review: SchemaEdits; onDone: (message: string) => void }) {
  const [picked, setPicked] = useState<string[]>([]);
  const candidates = useMemo(() => labelCandidates(questions), [questions]);
  const preview = useMemo(() => missingLabelEdits(questions, picked), [questions, picked]);
  const titleId = useId();
  const toggle = (label: string, on: boolean) => setPicked((p) => (on ? [...p, label] : p.filter((x) => labelKey(x) !== labelKey(label))));
  const apply = () => {
    const n = preview.matched.length;
    const what = picked.map((l) => `“${l}”`).join(", ");
    review.change(`Mark ${what} missing in ${questionsText(n)}`, (d) => withEdits(d, preview.edits));
    setPicked([]);
    onDone(`Marked ${what} missing in ${questionsText(n)}: not counted as answers, listed apart. Save to keep it, or undo.`);
  };
  return (
    <fieldset className={box} aria-labelledby={titleId} data-testid="bulk-missing">
      <legend id={titleId} className="px-1 text-sm font-semibold text-slate-900">
        Mark answers missing in every question
      </legend>
      {candidates.length === 0 ? (
        <p className="text-sm text-slate-500">No single-choice or scale question has answers left to mark: non-answers found at import are already set apart.</p>
      ) : (
        <>
          <p className="text-xs text-slate-500">
            Picked answers stop counting as answers (out of bases, NETs, means and diverging charts) in every single-choice and scale question that has them, and stay visible as their own
            rows.
          </p>
          <ul className="flex max-h-48 flex-wrap gap-x-4 gap-y-1 overflow-y-auto" aria-label="Answer labels">
            {candidates.slice(0, MAX_SHOWN).map((c) => (
              <li key={c.label}>
                <label className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" checked={picked.some((x) => labelKey(x) === labelKey(c.label))} onChange={(e) => toggle(c.label, e.target.checked)} />
                  <bdi>{c.label}</bdi>
                  <span className="text-xs text-slate-500">
                    ({formatCountOf(c.questions, "question")}
                    {c.suggested ? ", looks like a non-answer" : ""})
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {candidates.length > MAX_SHOWN ? (
            <p className="text-xs text-slate-500">{formatCountOf(candidates.length - MAX_SHOWN, "rarer answer label")} not listed: mark those in their questions below.</p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={apply} disabled={!preview.matched.length}>
              Mark missing
            </Button>
            <span className="text-sm text-slate-600" aria-live="polite" data-testid="bulk-missing-preview">
              {picked.length ? `Applies to ${questionsText(preview.matched.length)}` : "Pick one or more answers"}
            </span>
          </div>
        </>
      )}
    </fieldset>
  );
}

/** "Apply this order to every question with this scale": pick a question, see the questions with the same answers, apply its order to them. */
function ApplyOrder({ questions, review, onDone }: { questions: Q[]; review: SchemaEdits; onDone: (message: string) => void }) {
  const sources = useMemo(() => questions.map((q) => ({ q, peers: sameScale(questions, q).length })).filter((x) => x.peers > 0), [questions]);
  const [sourceId, setSourceId] = useState("");
  const [ordinalChoice, setOrdinal] = useState<boolean | null>(null);
  const source = sources.find((x) => x.q.id === sourceId)?.q;
  const ordinal = ordinalChoice ?? source?.type === "ordinal";
  const labels = useMemo(() => source?.options.map((o) => o.label) ?? [], [source]);
  const preview = useMemo(() => (source ? scaleOrderEdits(questions, labels, ordinal) : null), [questions, source, labels, ordinal]);
  const others = preview ? preview.matched.filter((id) => id !== source?.id) : [];
  const titleId = useId();
  const apply = () => {
    if (!source || !preview) return;
    review.change(`Apply the order of ${source.id} to ${questionsText(others.length)}`, (d) => withEdits(d, preview.edits));
    onDone(`Applied the order of ${source.id} to ${questionsText(others.length)} with the same answers. Save to keep it, or undo.`);
  };
  return (
    <fieldset className={box} aria-labelledby={titleId} data-testid="bulk-order">
      <legend id={titleId} className="px-1 text-sm font-semibold text-slate-900">
        Apply one order to every question with the same answers
      </legend>
      {sources.length === 0 ? (
        <p className="text-sm text-slate-500">No two single-choice or scale questions have the same set of answers.</p>
      ) : (
        <>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
            Order from question
            <Select
              value={sourceId}
              onChange={(e) => {
                setSourceId(e.target.value);
                setOrdinal(null);
              }}
            >
              <option value="">Choose a question…</option>
              {sources.map(({ q, peers }) => (
                <option key={q.id} value={q.id}>
                  {q.id} · {q.label} ({peers} more with these answers)
                </option>
              ))}
            </Select>
          </label>
          {source ? (
            <>
              <p className="text-sm text-slate-700" data-testid="bulk-order-labels">
                {labels.map((l, i) => (
                  <span key={l}>
                    {i ? " → " : ""}
                    <bdi>{l}</bdi>
                  </span>
                ))}
              </p>
              <label className="flex w-fit items-center gap-1.5 text-sm">
                <input type="checkbox" checked={ordinal} onChange={(e) => setOrdinal(e.target.checked)} /> Treat them as ordered scales (top / bottom 2 box, means)
              </label>
            </>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={apply} disabled={!preview?.edits.length}>
              Apply this order
            </Button>
            <span className="text-sm text-slate-600" aria-live="polite" data-testid="bulk-order-preview">
              {source ? `Applies to ${questionsText(others.length)}${preview && !preview.edits.length ? " (all already in this order)" : ""}` : "Choose the question whose order to use"}
            </span>
          </div>
        </>
      )}
    </fieldset>
  );
}

/** The review's bulk rules: each is one undoable step over every question it matches; `onDone` reports what it did. */
export function BulkRulesPanel({ review, onDone, scope = "all" }: { review: SchemaEdits; onDone: (message: string) => void; scope?: "all" | "page" }) {
  return (
    <section aria-labelledby="bulk-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="bulk-rules">
      <h2 id="bulk-title" className="text-base font-semibold">
        {scope === "page" ? "Fix every question of this page at once" : "Fix every question at once"}
      </h2>
      {scope === "page" ? <p className="text-sm text-slate-600">This dataset is reviewed a page of questions at a time: each rule applies to the questions of the page shown.</p> : null}
      <div className="grid gap-3 lg:grid-cols-2">
        <MarkMissing questions={review.questions} review={review} onDone={onDone} />
        <ApplyOrder questions={review.questions} review={review} onDone={onDone} />
      </div>
    </section>
  );
}
