"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState, type ReactNode } from "react";
import { Download, Pencil, Pin } from "lucide-react";
import { EmptyState, InlineError } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { errorMessage } from "@/components/views/use-saved-views";
import type { Dashboard, DashboardTile } from "@/lib/schema/views";
import { addTextTile, moveTile, newTextTileId, pinView, removeTile, setTileSize, setTileText, textTileName } from "@/lib/views/layout";
import { MAX_TILE_TEXT } from "@/lib/schema/views";
import type { TileData } from "@/lib/views/tile-model";
import { DashboardTileCard } from "./dashboard-tile";
import { TileControls } from "./tile-controls";

export interface PinnableView {
  id: string;
  name: string;
  datasetName: string;
}

interface Props {
  dashboard: Dashboard;
  tiles: TileData[];
  canEdit: boolean;
  views: PinnableView[];
  initialEdit?: boolean;
  /** the active dashboard filters as a query string (kept by the downloads) */
  filterQuery?: string;
  /** the dashboard filter bar, shown under the title */
  filterBar?: ReactNode;
}

const isDeletedView = (t: TileData | undefined) => t?.status === "unavailable" && t.reason === "view";

const INPUT = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm";

/** A dashboard: the tile grid, the deck download and (for editors) the layout editor. */
export function DashboardView({ dashboard, tiles, canEdit, views, initialEdit = false, filterQuery = "", filterBar = null }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(canEdit && initialEdit);
  const [name, setName] = useState(dashboard.name);
  const [description, setDescription] = useState(dashboard.description ?? "");
  const [draft, setDraft] = useState<DashboardTile[]>(dashboard.tiles);
  const [pick, setPick] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const ids = { name: useId(), desc: useId(), pick: useId(), text: useId() };
  const [note, setNote] = useState("");

  const computed = useMemo(() => new Map(tiles.map((t) => [t.viewId, t])), [tiles]);
  const shown = editing ? draft : dashboard.tiles;
  const pinnable = views.filter((v) => !draft.some((t) => t.viewId === v.id));
  const tileFor = (t: DashboardTile): TileData => {
    if (t.text !== undefined) return { status: "text", viewId: t.viewId, name: textTileName(t.text), size: t.size, text: t.text, analyzeHref: null };
    const c = computed.get(t.viewId);
    if (c) return { ...c, size: t.size };
    const v = views.find((x) => x.id === t.viewId);
    return { status: "unavailable", viewId: t.viewId, name: v?.name ?? "Saved view", size: t.size, reason: "spec", message: "Newly pinned: the chart appears once you save the layout.", analyzeHref: null };
  };

  const startEdit = () => {
    setName(dashboard.name);
    setDescription(dashboard.description ?? "");
    setDraft(dashboard.tiles);
    setError(null);
    setStatus(null);
    setEditing(true);
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/dashboards/${encodeURIComponent(dashboard.id)}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        // tiles of deleted views cannot be saved again: they drop out with the save
        body: JSON.stringify({ name, description, tiles: draft.filter((t) => !isDeletedView(computed.get(t.viewId))) }),
      });
      if (!res.ok) throw new Error(await errorMessage(res));
      setEditing(false);
      setStatus("Layout saved.");
      // recompute the tiles server-side (newly pinned views), and leave ?edit=1 behind
      router.replace(`/dashboards/${encodeURIComponent(dashboard.id)}`);
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!window.confirm(`Delete the dashboard “${dashboard.name}”? Its saved views stay.`)) return;
    const res = await fetch(`/api/dashboards/${encodeURIComponent(dashboard.id)}`, { method: "DELETE" });
    if (res.ok) router.push("/dashboards");
    else setError(await errorMessage(res));
  };

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{dashboard.name}</h1>
          {dashboard.description ? <p className="text-sm text-slate-500">{dashboard.description}</p> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          {shown.length
            ? (["pptx", "pdf"] as const).map((format) => (
                <a
                  key={format}
                  href={`/api/dashboards/${encodeURIComponent(dashboard.id)}/deck?format=${format}${filterQuery ? `&${filterQuery}` : ""}`}
                  download
                  data-testid={`download-${format}`}
                  className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
                >
                  <Download className="size-4" aria-hidden /> {format === "pptx" ? "Download deck (PowerPoint)" : "Download PDF"}
                </a>
              ))
            : null}
          {canEdit && !editing ? (
            <Button variant="secondary" onClick={startEdit}>
              <Pencil className="size-4" aria-hidden /> Edit layout
            </Button>
          ) : null}
        </div>
      </header>
      {filterBar}
      {status ? (
        <p role="status" className="text-sm text-emerald-700">
          {status}
        </p>
      ) : null}

      {editing ? (
        <Card>
          <CardContent className="flex flex-col gap-4">
            <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
              <div className="flex flex-col gap-1">
                <label htmlFor={ids.name} className="text-xs font-medium uppercase tracking-wide text-slate-500">
                  Dashboard name
                </label>
                <input id={ids.name} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} className={INPUT} />
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor={ids.desc} className="text-xs font-medium uppercase tracking-wide text-slate-500">
                  Description
                </label>
                <input id={ids.desc} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} className={INPUT} />
              </div>
            </div>
            <div className="flex flex-wrap items-end gap-2">
              <div className="flex min-w-64 flex-1 flex-col gap-1">
                <label htmlFor={ids.pick} className="text-xs font-medium uppercase tracking-wide text-slate-500">
                  Pin a saved view
                </label>
                <Select id={ids.pick} value={pick} onChange={(e) => setPick(e.target.value)} disabled={!pinnable.length}>
                  <option value="">{pinnable.length ? "Choose a view…" : "No other saved views: save one on the analyze page"}</option>
                  {pinnable.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name} ({v.datasetName})
                    </option>
                  ))}
                </Select>
              </div>
              <Button
                variant="secondary"
                disabled={!pick}
                onClick={() => {
                  setDraft((d) => pinView(d, pick));
                  setPick("");
                }}
              >
                <Pin className="size-4" aria-hidden /> Pin
              </Button>
            </div>
            <div className="flex flex-wrap items-end gap-2">
              <div className="flex min-w-64 flex-1 flex-col gap-1">
                <label htmlFor={ids.text} className="text-xs font-medium uppercase tracking-wide text-slate-500">
                  Add a text tile (commentary, a section heading)
                </label>
                <textarea id={ids.text} rows={2} maxLength={MAX_TILE_TEXT} value={note} onChange={(e) => setNote(e.target.value)} className={INPUT} />
              </div>
              <Button
                variant="secondary"
                disabled={!note.trim()}
                onClick={() => {
                  setDraft((d) => addTextTile(d, note.trim(), newTextTileId()));
                  setNote("");
                }}
              >
                Add text
              </Button>
            </div>
            <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-4">
              <Button onClick={save} disabled={busy || !name.trim()}>
                {busy ? "Saving…" : "Save layout"}
              </Button>
              <Button variant="ghost" onClick={() => setEditing(false)} disabled={busy}>
                Cancel
              </Button>
              <Button variant="danger" className="ml-auto" onClick={remove} disabled={busy}>
                Delete dashboard
              </Button>
            </div>
            <InlineError error={error} />
          </CardContent>
        </Card>
      ) : null}

      {shown.length === 0 ? (
        <EmptyState title="No charts pinned yet">
          {canEdit ? "Save a view on the analyze page, then choose “Edit layout” and pin it here." : "An analyst of your workspace can pin charts to this dashboard."}
        </EmptyState>
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2" data-testid="dashboard-grid">
          {shown.map((t, i) => {
            const tile = tileFor(t);
            return (
              <DashboardTileCard
                key={t.viewId}
                tile={tile}
                controls={
                  editing ? (
                    <>
                    {t.text !== undefined ? (
                      <label className="flex flex-col gap-1 text-xs font-medium uppercase tracking-wide text-slate-500">
                        Text
                        <textarea
                          rows={3}
                          maxLength={MAX_TILE_TEXT}
                          value={t.text}
                          onChange={(e) => setDraft((d) => setTileText(d, i, e.target.value))}
                          className={`${INPUT} normal-case tracking-normal`}
                        />
                      </label>
                    ) : null}
                    <TileControls
                      name={tile.name}
                      index={i}
                      count={shown.length}
                      size={t.size}
                      onMove={(delta) => setDraft((d) => moveTile(d, i, delta))}
                      onResize={(size) => setDraft((d) => setTileSize(d, i, size))}
                      onRemove={() => setDraft((d) => removeTile(d, i))}
                    />
                    </>
                  ) : null
                }
              />
            );
          })}
        </div>
      )}
    </div>
  );
}
