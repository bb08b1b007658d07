"use client";

import { useState } from "react";
import { ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

export interface ExportableQuestion {
  id: string;
  label: string;
  allowed: boolean;
  reason: string | null;
}

/** Respondent-level CSV of the current filtered segment: chosen columns, identifiers locked, a reminder, audited. */
export function RespondentExport({ datasetId, questions, filters }: { datasetId: string; questions: ExportableQuestion[]; filters: Record<string, string[]> }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const download = async () => {
    setMessage(null);
    const res = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}/respondents/export`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ columns: [...chosen], filters }),
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      return setMessage(body.error?.message ?? `export failed (${res.status})`);
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = "respondents.csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
    if (res.headers.get("x-rows-truncated") === "true") setMessage("The export was capped at your role's row limit.");
  };
  return (
    <details className="rounded-lg border border-slate-200 p-3" data-testid="respondent-export">
      <summary className="cursor-pointer text-sm font-medium">Export respondent-level data (this segment)</summary>
      <p className="mt-2 flex items-start gap-2 rounded-md bg-amber-50 p-2 text-xs text-amber-900">
        <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden /> Respondent-level data are personal data. Export only what your analysis needs, keep it
        secure and delete it when done. Every export is recorded in the audit trail with its columns, filters and row count. Direct identifiers are available to
        admins only.
      </p>
      <fieldset className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="sr-only">Columns</legend>
        {questions.map((q) => (
          <label key={q.id} className={`flex items-center gap-2 text-sm ${q.allowed ? "" : "text-slate-400"}`} title={q.reason ?? undefined}>
            <input
              type="checkbox"
              disabled={!q.allowed}
              checked={chosen.has(q.id)}
              onChange={(e) =>
                setChosen((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.add(q.id);
                  else next.delete(q.id);
                  return next;
                })
              }
            />
            <span className="truncate">{q.id}</span>
            {q.allowed ? null : <span className="text-xs">(locked)</span>}
          </label>
        ))}
      </fieldset>
      <div className="mt-2 flex items-center gap-3">
        <Button variant="secondary" disabled={!chosen.size} onClick={download}>
          Download CSV
        </Button>
        {message ? <span role="status" className="text-sm text-slate-700">{message}</span> : null}
      </div>
    </details>
  );
}
