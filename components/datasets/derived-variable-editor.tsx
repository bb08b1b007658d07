"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toQuestionLite, type QuestionLite } from "@/lib/analysis/question-roles";
import { fitsRole } from "@/lib/analysis/question-search";
import { QuestionCombobox } from "@/components/questions/question-combobox";
import { useQuestionCatalog } from "@/components/questions/use-question-catalog";
import type { ProtectedQuestion } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import { formatCount } from "@/lib/format/number";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { ErrorMessage } from "@/components/states/states";

/**
 * Build a recode or NET of one question: name a group next to each option (same name = merged,
 * blank = left out); the counts preview updates as you type; saving adds the variable as a new
 * dataset version whose recipe (JSON) is kept as lineage.
 */
export function DerivedVariableEditor({ datasetId, questions, lazy = false, questionCount }: { datasetId: string; questions: (Question | ProtectedQuestion)[]; lazy?: boolean; questionCount?: number }) {
  const router = useRouter();
  // a wide dataset: the source is searched in its question list and its answers loaded when chosen
  const lite = useMemo(() => (lazy ? [] : questions.map(toQuestionLite)), [lazy, questions]);
  const catalog = useQuestionCatalog(datasetId, lite, lazy, questionCount);
  const sources = catalog.questions.filter((q) => fitsRole(q, "categorical"));
  const choose = (q: QuestionLite | undefined, id: string) => {
    setSourceId(id);
    setGroupOf(Object.fromEntries((q?.options ?? []).map((o) => [o.code, o.label])));
  };
  const [sourceId, setSourceId] = useState("");
  const [id, setId] = useState("");
  const [label, setLabel] = useState("");
  const [groupOf, setGroupOf] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; message?: string }>({ kind: "idle" });
  const source = sources.find((q) => q.id === sourceId);

  // counts hidden from an aggregate-only audience (null) make the group's preview count n/a
  const grouped = new Map<string, { from: string[]; count: number | null }>();
  for (const o of source?.options ?? []) {
    const g = (groupOf[o.code] ?? "").trim();
    if (!g) continue;
    const e = grouped.get(g) ?? { from: [], count: 0 };
    e.from.push(o.code);
    e.count = e.count === null || o.count === null ? null : e.count + o.count;
    grouped.set(g, e);
  }
  const groups = [...grouped].map(([code, v]) => ({ code, ...v }));

  const save = async () => {
    setStatus({ kind: "saving" });
    const res = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}/derived`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id, label, source: sourceId, groups: groups.map((g) => ({ code: g.code, from: g.from })) }),
    });
    const body = (await res.json()) as { dataset?: { version: number }; error?: { message: string } };
    if (!res.ok) return setStatus({ kind: "error", message: body.error?.message ?? `failed (${res.status})` });
    // the editor stays mounted across the refresh (no version in its key), so the confirmation stays
    // visible; the form is cleared for the next variable
    setStatus({ kind: "saved", message: `Added ${id} in version ${body.dataset?.version}.` });
    setSourceId("");
    setId("");
    setLabel("");
    setGroupOf({});
    router.refresh();
  };

  return (
    <section aria-labelledby="derived-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="derived-editor">
      <h2 id="derived-title" className="text-base font-semibold">
        Derived variable (recode or NET)
      </h2>
      <div className="grid gap-3 md:grid-cols-3">
        {lazy ? (
          <QuestionCombobox catalog={catalog} role="categorical" label="From question" value={sourceId || undefined} placeholder="Search a question…" onPick={(picked) => void catalog.ensure([picked]).then(([q]) => choose(q, picked))} />
        ) : (
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
            From question
            <Select value={sourceId} onChange={(e) => choose(sources.find((x) => x.id === e.target.value), e.target.value)}>
              <option value="">Choose…</option>
              {sources.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.id} · {q.label}
                </option>
              ))}
            </Select>
          </label>
        )}
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
          New id
          <input className="rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900" value={id} onChange={(e) => setId(e.target.value)} placeholder="live_or_planning" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
          Label
          <input className="rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Live or planning within 12 months" />
        </label>
      </div>
      {source ? (
        <div className="grid gap-2 md:grid-cols-2">
          {source.options.map((o) => (
            <label key={o.code} className="flex items-center justify-between gap-2 text-sm">
              <span>
                <bdi>{o.label}</bdi> <span className="text-xs text-slate-500">({formatCount(o.count)})</span>
              </span>
              <input
                aria-label={`Group for ${o.label}`}
                className="w-48 rounded-md border border-slate-300 px-2 py-1 text-sm"
                value={groupOf[o.code] ?? ""}
                onChange={(e) => setGroupOf((g) => ({ ...g, [o.code]: e.target.value }))}
              />
            </label>
          ))}
        </div>
      ) : null}
      {groups.length ? (
        <p className="text-sm text-slate-600" data-testid="derived-preview">
          Preview: {groups.map((g) => `${g.code} ${source?.type === "multi" ? "≤ " : ""}${formatCount(g.count)}`).join(" · ")}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button disabled={!source || !id || !label || !groups.length || status.kind === "saving"} onClick={save}>
          Add derived variable
        </Button>
        {status.kind === "saved" ? <span role="status" className="text-sm text-emerald-700">{status.message}</span> : null}
      </div>
      {status.kind === "error" ? <ErrorMessage title="The variable could not be added" message={status.message ?? ""} /> : null}
    </section>
  );
}
