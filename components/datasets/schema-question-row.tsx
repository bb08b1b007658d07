"use client";

import { ArrowDown, ArrowUp, GripVertical } from "lucide-react";
import { movedTo } from "@/lib/analysis/drag-order";
import { cx } from "@/lib/cx";
import { useDragOrder } from "./use-drag-order";
import { scaleOrderEdits, sameScale } from "@/lib/ingest/bulk-rules";
import { formatCount, formatCountOf } from "@/lib/format/number";
import type { ProtectedQuestion } from "@/lib/schema/dataset";
import type { Question, QuestionType } from "@/lib/schema/question";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { TYPE_LABELS } from "./question-types";
import { withEdits, type SchemaEdits } from "./use-schema-edits";
import { ValueLabelsEditor } from "./value-labels-editor";

type Q = Question | ProtectedQuestion;
const input = "rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal text-slate-900";

function moved<T>(xs: T[], i: number, d: -1 | 1): T[] {
  const j = i + d;
  if (j < 0 || j >= xs.length) return xs;
  const next = [...xs];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

const sum = (xs: { count: number | null }[]) => xs.reduce<number | null>((a, o) => (a === null || o.count === null ? null : a + o.count), 0);

/**
 * One question in review: label, type, missing codes, multi-select delimiter, its answers (order,
 * answers set apart as non-answers), value labels, and "use this order for every question with
 * the same answers". `q` is the question with the unsaved edits applied, `saved` as stored.
 */
export function SchemaQuestionRow({ q, saved, review, all, onDone }: { q: Q; saved: Q; review: SchemaEdits; all: Q[]; onDone: (message: string) => void }) {
  const delimiter = q.multi?.delimiter ?? ";";
  // once its order is edited, a question offers that order to the questions with the same answers
  const reordered = review.draft.edits.get(q.id)?.optionOrder !== undefined;
  const peers = reordered && (q.type === "single" || q.type === "ordinal") ? sameScale(all, q) : [];
  const ordered = q.type === "ordinal" || q.type === "single";
  const orderable = saved.type === "ordinal" || ordered;
  // dropping an answer elsewhere is the same edit (and undo step) as moving it with the arrows
  const { listRef, drag, start } = useDragOrder((from, to) => {
    const next = movedTo(q.options, from, to);
    if (next) review.edit(q.id, { optionOrder: next.map((x) => x.code) }, `Move ${q.options[from].label} to position ${next.indexOf(q.options[from]) + 1} in ${q.id}`);
  });
  const applyOrder = () => {
    const { edits } = scaleOrderEdits(all, q.options.map((o) => o.label), q.type === "ordinal");
    review.change(`Apply the order of ${q.id} to ${formatCountOf(peers.length, "question")}`, (d) => withEdits(d, edits));
    onDone(`Applied the order of ${q.id} to ${formatCountOf(peers.length, "question")} with the same answers. Save to keep it, or undo.`);
  };
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`schema-q-${q.id}`}>
      <div className="grid gap-3 md:grid-cols-[1fr_12rem_12rem]">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
          Label <bdi className="font-mono font-normal">{q.id}</bdi>
          <input className={input} value={q.label} onChange={(e) => review.edit(q.id, { label: e.target.value }, `Rename ${q.id}`, `label:${q.id}`)} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
          Type
          <Select
            aria-label={`Type of ${q.id}`}
            value={q.type}
            onChange={(e) => {
              const type = e.target.value as QuestionType;
              review.edit(q.id, type === "multi" && q.columns.length === 1 ? { type, multi: { layout: "delimited", delimiter } } : { type }, `Make ${q.id} ${TYPE_LABELS[type].toLowerCase()}`);
            }}
          >
            {Object.entries(TYPE_LABELS).map(([t, l]) => (
              <option key={t} value={t}>
                {l}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
          Missing codes (comma-separated)
          <input
            // remounted when the codes change elsewhere (a bulk rule, undo): it shows them
            key={q.missingCodes.join("\u0000")}
            className={input}
            defaultValue={q.missingCodes.join(", ")}
            onBlur={(e) => {
              const codes = e.target.value.split(",").map((x) => x.trim()).filter(Boolean);
              if (codes.join("\u0000") !== q.missingCodes.join("\u0000")) review.edit(q.id, { missingCodes: codes }, `Change the missing codes of ${q.id}`);
            }}
          />
        </label>
      </div>
      {q.type === "multi" && q.columns.length === 1 ? (
        <label className="mt-2 flex w-fit items-center gap-2 text-xs font-medium text-slate-500">
          Options separated by
          <input
            aria-label={`Delimiter of ${q.id}`}
            className="w-16 rounded-md border border-slate-300 px-2 py-1 font-mono text-sm text-slate-900"
            value={delimiter}
            onChange={(e) => review.edit(q.id, { type: "multi", multi: { layout: "delimited", delimiter: e.target.value } }, `Change the delimiter of ${q.id}`, `delimiter:${q.id}`)}
          />
          <span className="font-normal">(options are recounted when you save)</span>
        </label>
      ) : null}
      {q.options.length ? (
        <p className="mt-2 text-xs text-slate-500" data-testid={`answered-${q.id}`}>
          Answered: {formatCount(sum(q.options.filter((o) => !q.missingCodes.includes(o.code))))}
          {q.missingCodes.length ? ` (excluding missing codes ${q.missingCodes.join(", ")})` : ""}
        </p>
      ) : null}
      {q.options.length ? (
        <ul ref={listRef} className={cx("mt-3 flex flex-wrap gap-2", drag && "cursor-grabbing select-none")} aria-label={`Options of ${q.id}`}>
          {q.options.map((o, i) => (
            <li
              key={o.code}
              data-drag-item
              className={cx("relative flex items-center gap-1 rounded-full border border-slate-200 bg-slate-50 py-0.5 pl-1 pr-1 text-sm", drag?.from === i && "opacity-50")}
            >
              {drag && drag.to === i ? <span aria-hidden data-testid={`drop-indicator-${q.id}`} className="absolute -left-1.5 top-0 h-full w-0.5 rounded bg-[var(--color-accent)]" /> : null}
              {drag && drag.to === q.options.length && i === q.options.length - 1 ? (
                <span aria-hidden data-testid={`drop-indicator-${q.id}`} className="absolute -right-1.5 top-0 h-full w-0.5 rounded bg-[var(--color-accent)]" />
              ) : null}
              {orderable ? (
                <span
                  aria-hidden
                  title={`Drag ${o.label} to reorder (or use the arrows)`}
                  data-testid={`drag-${q.id}-${i}`}
                  className="cursor-grab touch-none select-none rounded p-0.5 text-slate-400 hover:bg-slate-200"
                  onPointerDown={start(i)}
                  // no text selection from the press (a selection would be dragged natively, cancelling the move)
                  onMouseDown={(e) => e.preventDefault()}
                >
                  <GripVertical className="size-3" />
                </span>
              ) : (
                <span className="w-2" />
              )}
              <bdi>{o.label}</bdi> <span className="tabular text-xs text-slate-500">({formatCount(o.count)})</span>
              {orderable ? (
                <>
                  <button type="button" aria-label={`Move ${o.label} earlier`} className="rounded p-0.5 hover:bg-slate-200" onClick={() => review.edit(q.id, { optionOrder: moved(q.options, i, -1).map((x) => x.code) }, `Move ${o.label} earlier in ${q.id}`)}>
                    <ArrowUp className="size-3" aria-hidden />
                  </button>
                  <button type="button" aria-label={`Move ${o.label} later`} className="rounded p-0.5 hover:bg-slate-200" onClick={() => review.edit(q.id, { optionOrder: moved(q.options, i, 1).map((x) => x.code) }, `Move ${o.label} later in ${q.id}`)}>
                    <ArrowDown className="size-3" aria-hidden />
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {q.nonSubstantive?.length ? (
        <ul className="mt-2 flex flex-wrap items-center gap-2 text-sm" aria-label={`Answers of ${q.id} not counted`} data-testid={`set-apart-${q.id}`}>
          <li className="text-xs text-slate-500">Not counted as answers:</li>
          {q.nonSubstantive.map((o) => (
            <li key={o.code} className="flex items-center gap-1 rounded-full border border-dashed border-slate-300 py-0.5 pl-3 pr-1 text-slate-600">
              <bdi>{o.label}</bdi> <span className="tabular text-xs text-slate-500">({formatCount(o.count)})</span>
              <Button
                variant="ghost"
                className="px-1.5 py-0 text-xs"
                aria-label={`Count ${o.label} as an answer in ${q.id}`}
                onClick={() => review.edit(q.id, { missingCodes: q.missingCodes.filter((c) => c !== o.code) }, `Count ${o.label} as an answer in ${q.id}`)}
              >
                count it
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {peers.length ? (
        <Button variant="ghost" className="mt-2 px-2 text-xs text-[var(--color-accent)]" onClick={applyOrder}>
          Use this order for {formatCountOf(peers.length, "other question")} with the same answers
        </Button>
      ) : null}
      <ValueLabelsEditor q={q} saved={saved} review={review} />
    </li>
  );
}
