"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { ENCODING_CHOICES, previewLabels, relabel } from "@/lib/ingest/encodings";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";

interface Props {
  datasetId: string;
  version: number;
  /** the encoding the file was read in */
  encoding: string;
  /** it was guessed (the file is not valid UTF-8), not chosen or told by a byte-order mark */
  assumed: boolean;
  /** the original bytes were kept, so the file can be re-read */
  kept: boolean;
  /** question and answer labels as read, for the preview */
  labels: string[];
}

const nameOf = (id: string) => ENCODING_CHOICES.find((e) => e.id === id)?.label ?? id;

/**
 * Review of a file that was not read as UTF-8: which encoding was assumed, and a choice of another
 * with its labels previewed ("CafÃ©" against "Café"); choosing re-reads the kept file as the next
 * version (POST /api/datasets/{id}/encoding, atomic).
 */
export function EncodingPanel({ datasetId, version, encoding, assumed, kept, labels }: Props) {
  const router = useRouter();
  const selectId = useId();
  const [choice, setChoice] = useState(encoding);
  const [status, setStatus] = useState<{ kind: "idle" | "busy" | "error" | "done"; message?: string }>({ kind: "idle" });
  const sample = useMemo(() => previewLabels(labels), [labels]);
  const preview = sample.map((l) => ({ now: l, then: relabel(l, encoding, choice) }));
  const invalid = choice !== encoding && preview.some((p) => p.then === null);
  const reread = async () => {
    setStatus({ kind: "busy" });
    const res = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}/encoding`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ encoding: choice, version }) });
    const body = (await res.json().catch(() => ({}))) as { version?: number; error?: { message: string } };
    if (!res.ok) return setStatus({ kind: "error", message: body.error?.message ?? `re-reading failed (${res.status})` });
    setStatus({ kind: "done", message: `Re-read as ${nameOf(choice)}: version ${body.version}.` });
    router.refresh();
  };
  return (
    <section aria-labelledby="encoding-title" className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="encoding-panel">
      <h2 id="encoding-title" className="text-base font-semibold">
        File encoding
      </h2>
      <p className="text-sm text-slate-700" data-testid="encoding-assumed">
        {assumed ? `This file is not valid UTF-8: it was read as ${nameOf(encoding)} (a guess from its bytes).` : `This file was read as ${nameOf(encoding)}.`} If accented letters look wrong
        (“Ã©” for “é”), choose the encoding the file was saved in.
      </p>
      {kept ? (
        <div className="flex flex-wrap items-end gap-3">
          <label htmlFor={selectId} className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            Read the file as
            <Select id={selectId} className="w-80" value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="encoding-select">
              {ENCODING_CHOICES.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                  {e.id === encoding ? " (current)" : ""}
                </option>
              ))}
            </Select>
          </label>
          <Button onClick={reread} disabled={choice === encoding || invalid || status.kind === "busy"} data-testid="encoding-apply">
            {status.kind === "busy" ? "Re-reading…" : "Re-read the file"}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-600">The original file was not kept: upload it again to choose another encoding.</p>
      )}
      {kept && sample.length ? (
        <table className="w-full max-w-2xl text-sm" data-testid="encoding-preview">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th className="py-1 pr-4 font-medium">As read now ({encoding})</th>
              <th className="py-1 font-medium">As {choice}</th>
            </tr>
          </thead>
          <tbody>
            {preview.map((p, i) => (
              <tr key={i} className="border-t border-amber-200">
                <td className="py-1 pr-4">
                  <bdi>{p.now}</bdi>
                </td>
                <td className="py-1">{p.then === null ? <span className="italic text-slate-500">not valid in this encoding</span> : <bdi>{p.then}</bdi>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {invalid ? <p className="text-sm text-slate-600">Some labels are not valid {choice}: the file was not saved in it.</p> : null}
      <p className="text-xs text-slate-500">Re-reading makes a new version from the file: review edits saved since the import are not carried over.</p>
      {status.kind === "error" ? (
        <p role="alert" className="text-sm text-red-700">
          {status.message}
        </p>
      ) : null}
      {status.kind === "done" ? (
        <p role="status" className="text-sm text-emerald-700" data-testid="encoding-status">
          {status.message}
        </p>
      ) : null}
    </section>
  );
}
