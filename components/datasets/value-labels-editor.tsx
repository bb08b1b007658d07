"use client";

import { useId, useState } from "react";
import { parseValueLabels, valueLabelEdit } from "@/lib/ingest/value-labels";
import { formatCount } from "@/lib/format/number";
import type { ProtectedQuestion } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import { Button } from "@/components/ui/button";
import type { SchemaEdits } from "./use-schema-edits";

type Q = Question | ProtectedQuestion;
const input = "rounded-md border border-slate-300 px-2 py-1 text-sm font-normal text-slate-900";

/** A textarea of `code = label` lines (a pasted codebook) with its located errors, applied as one step. */
function PasteLabels({ q, onApply, children }: { q: Q; onApply: (pairs: [string, string][]) => void; children?: React.ReactNode }) {
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<{ line: number; message: string }[]>([]);
  const id = useId();
  const apply = () => {
    const parsed = parseValueLabels(text);
    setErrors(parsed.errors);
    if (parsed.errors.length || !parsed.pairs.length) return;
    onApply(parsed.pairs);
    setText("");
  };
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-xs font-medium text-slate-500">
        Paste labels, one <code>code = label</code> per line (also <code>code: label</code> or two spreadsheet columns)
      </label>
      <textarea
        id={id}
        aria-label={`Value labels of ${q.id}`}
        aria-describedby={errors.length ? `${id}-errors` : undefined}
        className={`${input} min-h-24 font-mono`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={"1 = Primary school\n2 = Secondary school"}
      />
      {errors.length ? (
        <ul id={`${id}-errors`} role="alert" className="text-xs text-red-700">
          {errors.slice(0, 5).map((e) => (
            <li key={`${e.line}-${e.message}`}>
              Line {e.line}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
      <Button variant="secondary" className="w-fit" onClick={apply} disabled={!text.trim()}>
        Apply labels
      </Button>
    </div>
  );
}

/**
 * Value labels of one question in review: a label per answer code (shown wherever its answers
 * appear), typed one by one or pasted from a codebook. A numeric question whose numbers are codes
 * becomes a single-choice question or a scale, as the analyst chooses, with the labels given.
 */
export function ValueLabelsEditor({ q, saved, review }: { q: Q; saved: Q; review: SchemaEdits }) {
  const pending = review.draft.edits.get(q.id)?.optionLabels ?? {};
  const [kind, setKind] = useState<"single" | "ordinal">("ordinal");
  const merge = (pairs: [string, string][], type?: "single" | "ordinal") => {
    const edit = valueLabelEdit(saved, pairs, type);
    review.edit(q.id, { ...edit, optionLabels: { ...pending, ...edit.optionLabels } }, `Label ${pairs.length} codes of ${q.id}`);
  };
  if (saved.type === "numeric" || (q.options.length === 0 && Object.keys(pending).length)) {
    const labelled = Object.entries(pending);
    return (
      <details className="mt-3 rounded-md border border-slate-200 p-3" data-testid={`value-labels-${q.id}`}>
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Are these numbers codes? Label them</summary>
        <div className="mt-2 flex flex-col gap-2">
          {labelled.length ? (
            <p className="text-sm text-slate-700" data-testid={`pending-labels-${q.id}`}>
              {labelled.map(([c, l]) => `${c} = ${l}`).join(" · ")} (answers are counted from the data when you save)
            </p>
          ) : null}
          <PasteLabels q={q} onApply={(pairs) => merge(pairs, kind)}>
            <fieldset className="flex flex-wrap gap-4 text-sm">
              <legend className="text-xs font-medium text-slate-500">The labelled question is</legend>
              <label className="flex items-center gap-1.5">
                <input type="radio" name={`kind-${q.id}`} checked={kind === "single"} onChange={() => setKind("single")} /> a single choice (categories)
              </label>
              <label className="flex items-center gap-1.5">
                <input type="radio" name={`kind-${q.id}`} checked={kind === "ordinal"} onChange={() => setKind("ordinal")} /> an ordered scale (in the order of the codes above)
              </label>
            </fieldset>
          </PasteLabels>
        </div>
      </details>
    );
  }
  if (q.type !== "single" && q.type !== "ordinal") return null;
  const answers = [...q.options, ...(q.nonSubstantive ?? [])];
  if (!answers.length) return null;
  const savedLabel = new Map([...saved.options, ...(saved.nonSubstantive ?? [])].map((o) => [o.code, o.label]));
  return (
    <details className="mt-3 rounded-md border border-slate-200 p-3" open={saved.needsValueLabels} data-testid={`value-labels-${q.id}`}>
      <summary className="cursor-pointer text-sm font-medium text-slate-700">
        Value labels{saved.needsValueLabels ? <span className="ml-2 text-xs font-normal text-amber-700">these answers are codes without labels</span> : null}
      </summary>
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        <table className="text-sm">
          <caption className="sr-only">Label of each answer code of {q.id}</caption>
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th scope="col" className="pr-3 font-medium">Code</th>
              <th scope="col" className="font-medium">Label</th>
            </tr>
          </thead>
          <tbody>
            {answers.map((o) => (
              <tr key={o.code}>
                <td className="pr-3 font-mono text-xs">
                  <bdi>{o.code}</bdi> <span className="tabular text-slate-500">({formatCount(o.count)})</span>
                </td>
                <td className="py-0.5">
                  <input
                    aria-label={`Label for code ${o.code} of ${q.id}`}
                    className={`${input} w-full`}
                    value={pending[o.code] ?? savedLabel.get(o.code) ?? o.label}
                    onChange={(e) => review.edit(q.id, { optionLabels: { ...pending, [o.code]: e.target.value } }, `Label code ${o.code} of ${q.id}`, `label:${q.id}:${o.code}`)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <PasteLabels q={q} onApply={(pairs) => merge(pairs)} />
      </div>
    </details>
  );
}
