"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ArrowDown, ArrowUp } from "lucide-react";
import type { ProtectedQuestion } from "@/lib/schema/dataset";
import type { Question, QuestionType } from "@/lib/schema/question";
import type { QuestionOverride } from "@/lib/schema/question-overrides";
import { formatCount } from "@/lib/format/number";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { ErrorMessage } from "@/components/states/states";
import { TYPE_LABELS } from "./question-types";

type Edit = Omit<QuestionOverride, "id" | "column"> & { id: string };

function moved<T>(xs: T[], i: number, d: -1 | 1): T[] {
  const j = i + d;
  if (j < 0 || j >= xs.length) return xs;
  const next = [...xs];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** Schema review: edit labels, types, missing codes and option order, then save a new version. */
export function SchemaEditor({ datasetId, version, questions }: { datasetId: string; version: number; questions: (Question | ProtectedQuestion)[] }) {
  const router = useRouter();
  const [edits, setEdits] = useState<Map<string, Edit>>(new Map());
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; message?: string }>({ kind: "idle" });
  const edit = (id: string, patch: Partial<Edit>) =>
    setEdits((m) => {
      const next = new Map(m);
      next.set(id, { ...(m.get(id) ?? { id }), ...patch });
      return next;
    });
  const view = (q: Question | ProtectedQuestion) => {
    const e = edits.get(q.id);
    const order = e?.optionOrder;
    const options = order ? order.map((c) => q.options.find((o) => o.code === c)!).filter(Boolean) : q.options;
    const delimiter = e?.multi?.delimiter ?? q.multi?.delimiter ?? ";";
    return { label: e?.label ?? q.label, type: e?.type ?? q.type, missing: e?.missingCodes ?? q.missingCodes, options, delimiter };
  };
  const save = async () => {
    setStatus({ kind: "saving" });
    const res = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}/questions`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ questions: [...edits.values()] }),
    });
    const body = (await res.json()) as { version?: number; error?: { message: string } };
    if (!res.ok) return setStatus({ kind: "error", message: body.error?.message ?? `save failed (${res.status})` });
    setEdits(new Map());
    setStatus({ kind: "saved", message: `Saved as version ${body.version}.` });
    router.refresh();
  };
  return (
    <div className="flex flex-col gap-4">
      <div className="sticky top-0 z-20 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white/95 p-3 backdrop-blur">
        <p className="text-sm text-slate-600">
          Version {version} · {edits.size ? `${edits.size} question${edits.size === 1 ? "" : "s"} edited` : "no unsaved edits"}
          {status.kind === "saved" ? <span role="status" className="ml-2 text-emerald-700">{status.message}</span> : null}
        </p>
        <Button onClick={save} disabled={!edits.size || status.kind === "saving"}>
          {status.kind === "saving" ? "Saving…" : "Save as new version"}
        </Button>
      </div>
      {status.kind === "error" ? <ErrorMessage title="The schema could not be saved" message={status.message ?? ""} /> : null}
      {/* the rows (uncontrolled inputs) start afresh on a new version; the save confirmation above stays */}
      <ol key={version} className="flex flex-col gap-3" data-testid="schema-editor">
        {questions.map((q) => {
          const v = view(q);
          return (
            <li key={q.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`schema-q-${q.id}`}>
              <div className="grid gap-3 md:grid-cols-[1fr_12rem_12rem]">
                <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
                  Label <bdi className="font-mono font-normal">{q.id}</bdi>
                  <input
                    className="rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal text-slate-900"
                    value={v.label}
                    onChange={(e) => edit(q.id, { label: e.target.value })}
                  />
                </label>
                <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
                  Type
                  <Select
                    aria-label={`Type of ${q.id}`}
                    value={v.type}
                    onChange={(e) => {
                      const type = e.target.value as QuestionType;
                      edit(q.id, type === "multi" && q.columns.length === 1 ? { type, multi: { layout: "delimited", delimiter: v.delimiter } } : { type });
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
                    className="rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal text-slate-900"
                    defaultValue={v.missing.join(", ")}
                    onBlur={(e) => {
                      const codes = e.target.value.split(",").map((x) => x.trim()).filter(Boolean);
                      if (codes.join("\u0000") !== q.missingCodes.join("\u0000")) edit(q.id, { missingCodes: codes });
                    }}
                  />
                </label>
              </div>
              {v.type === "multi" && q.columns.length === 1 ? (
                <label className="mt-2 flex w-fit items-center gap-2 text-xs font-medium text-slate-500">
                  Options separated by
                  <input
                    aria-label={`Delimiter of ${q.id}`}
                    className="w-16 rounded-md border border-slate-300 px-2 py-1 font-mono text-sm text-slate-900"
                    value={v.delimiter}
                    onChange={(e) => edit(q.id, { type: "multi", multi: { layout: "delimited", delimiter: e.target.value } })}
                  />
                  <span className="font-normal">(options are recounted when you save)</span>
                </label>
              ) : null}
              {v.options.length ? (
                <p className="mt-2 text-xs text-slate-500" data-testid={`answered-${q.id}`}>
                  Answered: {formatCount(v.options.filter((o) => !v.missing.includes(o.code)).reduce<number | null>((a, o) => (a === null || o.count === null ? null : a + o.count), 0))}
                  {v.missing.length ? ` (excluding missing codes ${v.missing.join(", ")})` : ""}
                </p>
              ) : null}
              {v.options.length ? (
                <ul className="mt-3 flex flex-wrap gap-2" aria-label={`Options of ${q.id}`}>
                  {v.options.map((o, i) => (
                    <li key={o.code} className="flex items-center gap-1 rounded-full border border-slate-200 bg-slate-50 py-0.5 pl-3 pr-1 text-sm">
                      <bdi>{o.label}</bdi> <span className="tabular text-xs text-slate-500">({formatCount(o.count)})</span>
                      {q.type === "ordinal" || v.type === "ordinal" || v.type === "single" ? (
                        <>
                          <button type="button" aria-label={`Move ${o.label} earlier`} className="rounded p-0.5 hover:bg-slate-200" onClick={() => edit(q.id, { optionOrder: moved(v.options, i, -1).map((x) => x.code) })}>
                            <ArrowUp className="size-3" aria-hidden />
                          </button>
                          <button type="button" aria-label={`Move ${o.label} later`} className="rounded p-0.5 hover:bg-slate-200" onClick={() => edit(q.id, { optionOrder: moved(v.options, i, 1).map((x) => x.code) })}>
                            <ArrowDown className="size-3" aria-hidden />
                          </button>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
