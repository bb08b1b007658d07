"use client";

import { useEffect, useState } from "react";
import type { BreakdownRequest } from "@/lib/analysis/breakdown-state";
import type { ProtectedCrosstab } from "@/lib/disclosure/types";
import type { NpsResult } from "@/lib/stats/nps";
import type { RowCounts } from "@/lib/schema/cell-sums";

export type CrosstabPayload = { kind: "crosstab"; result: ProtectedCrosstab } | { kind: "nps"; result: NpsResult & { rows: RowCounts } };

export type CrosstabState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; result: CrosstabPayload };

type Settled = { key: string } & ({ status: "error"; message: string } | { status: "ready"; result: CrosstabPayload });

/** Fetch a crosstab (or NPS) for a request; cancels the previous request when it changes. */
export function useCrosstab(datasetId: string, request: BreakdownRequest | null): CrosstabState {
  const [settled, setSettled] = useState<Settled | null>(null);
  const endpoint = request?.endpoint ?? "crosstab";
  const key = request ? `${datasetId}\u0000${endpoint}\u0000${JSON.stringify(request.spec)}` : "";
  useEffect(() => {
    if (!key) return;
    const ctl = new AbortController();
    const body = key.slice(key.lastIndexOf("\u0000") + 1);
    fetch(`/api/datasets/${encodeURIComponent(datasetId)}/${endpoint}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      signal: ctl.signal,
    })
      .then(async (res) => {
        const json: unknown = await res.json();
        if (!res.ok) {
          const message = (json as { error?: { message?: string } }).error?.message ?? `request failed (${res.status})`;
          setSettled({ key, status: "error", message });
        } else {
          const result = (endpoint === "nps" ? { kind: "nps", result: json } : { kind: "crosstab", result: json }) as CrosstabPayload;
          setSettled({ key, status: "ready", result });
        }
      })
      .catch((err: unknown) => {
        if ((err as Error).name !== "AbortError") setSettled({ key, status: "error", message: (err as Error).message });
      });
    return () => ctl.abort();
  }, [datasetId, endpoint, key]);
  if (!key) return { status: "idle" };
  if (!settled || settled.key !== key) return { status: "loading" };
  return settled.status === "ready" ? { status: "ready", result: settled.result } : { status: "error", message: settled.message };
}
