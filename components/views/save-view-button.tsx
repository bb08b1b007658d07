"use client";

import Link from "next/link";
import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { Bookmark, Check } from "lucide-react";
import { Button } from "@/components/ui/button";
import { viewHrefQuery } from "@/lib/views/query";
import { errorMessage, useSavedViews } from "./use-saved-views";
import { InlineError } from "@/components/states/states";

interface Props {
  datasetId: string;
  /** suggested name (the chart title) */
  defaultName?: string;
}

/**
 * "Save view": names the analysis currently in the URL and stores it for dashboards; below it, the
 * dataset's saved views as links that reopen them.
 */
export function SaveViewButton({ datasetId, defaultName = "" }: Props) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(defaultName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { state, reload } = useSavedViews(datasetId);
  const inputId = useId();
  const triggerId = useId();

  const close = () => {
    setOpen(false);
    setError(null);
    // focus returns to the trigger once it is back in the document
    requestAnimationFrame(() => document.getElementById(triggerId)?.focus());
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") close();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/views", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ datasetId, name, query: window.location.search }),
      });
      if (!res.ok) throw new Error(await errorMessage(res));
      setSaved(name.trim());
      setOpen(false);
      reload();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string, viewName: string) => {
    if (!window.confirm(`Delete the saved view “${viewName}”? Dashboards pinning it will show it as deleted.`)) return;
    const res = await fetch(`/api/views/${encodeURIComponent(id)}`, { method: "DELETE" });
    if (!res.ok) setError(await errorMessage(res));
    reload();
  };

  return (
    <div className="flex flex-col gap-2" data-testid="save-view">
      {open ? (
        <form onSubmit={submit} onKeyDown={onKeyDown} className="flex flex-wrap items-end gap-2" aria-label="Save view">
          <div className="flex min-w-64 max-w-xl flex-1 flex-col gap-1">
            <label htmlFor={inputId} className="text-xs font-medium uppercase tracking-wide text-slate-500">
              View name
            </label>
            <input
              id={inputId}
              autoFocus
              required
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.target.value)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm"
            />
          </div>
          <Button type="submit" disabled={busy || !name.trim()}>
            {busy ? "Saving…" : "Save"}
          </Button>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            id={triggerId}
            variant="secondary"
            onClick={() => {
              setName(defaultName);
              setSaved(null);
              setOpen(true);
            }}
          >
            <Bookmark className="size-4" aria-hidden /> Save view
          </Button>
          {saved ? (
            <p role="status" className="flex items-center gap-1 text-sm text-emerald-700">
              <Check className="size-4" aria-hidden /> Saved “{saved}”.{" "}
              <Link href="/dashboards" className="font-medium text-[var(--color-accent)] underline-offset-2 hover:underline">
                Pin it to a dashboard
              </Link>
            </p>
          ) : null}
        </div>
      )}
      <InlineError error={error} />
      {state.status === "ready" && state.views.length ? (
        <details className="text-sm" data-testid="saved-views">
          <summary className="cursor-pointer text-slate-600">Saved views of this dataset ({state.views.length})</summary>
          <ul className="mt-2 flex flex-col gap-1 pl-4">
            {state.views.map((v) => (
              <li key={v.id} className="flex items-center gap-2">
                {/* a full load: the analyze page reads its state from the URL when it opens */}
                <a href={`/datasets/${encodeURIComponent(datasetId)}/analyze?${viewHrefQuery(v.query)}`} className="text-[var(--color-accent)] hover:underline">
                  {v.name}
                </a>
                <Button variant="ghost" className="px-1.5 py-0.5 text-xs" aria-label={`Delete saved view “${v.name}”`} onClick={() => remove(v.id, v.name)}>
                  Delete
                </Button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
