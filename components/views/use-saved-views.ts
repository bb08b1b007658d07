"use client";

import { useCallback, useEffect, useState } from "react";
import { readAnswer } from "@/components/ui/read-answer";
import { viewListResponseSchema, type SavedView } from "@/lib/schema/views";

export type SavedViewsState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; views: SavedView[] };

/** The workspace's saved views (optionally of one dataset), with a reload after saving or deleting. */
export function useSavedViews(datasetId?: string): { state: SavedViewsState; reload: () => void } {
  const [state, setState] = useState<SavedViewsState>({ status: "loading" });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    const q = datasetId ? `?dataset=${encodeURIComponent(datasetId)}` : "";
    fetch(`/api/views${q}`, { signal: ctl.signal })
      .then(async (res) => setState({ status: "ready", views: (await readAnswer(res, viewListResponseSchema)).views }))
      .catch((err: unknown) => {
        if ((err as Error).name !== "AbortError") setState({ status: "error", message: (err as Error).message });
      });
    return () => ctl.abort();
  }, [datasetId, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { state, reload };
}

/** Read an API error envelope's message. */
export async function errorMessage(res: Response): Promise<string> {
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  return body.error?.message ?? `request failed (${res.status})`;
}
