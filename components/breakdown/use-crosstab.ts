"use client";

import { useEffect, useState } from "react";
import type { CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import type { CrosstabResult } from "@/lib/schema/crosstab-result";

export type CrosstabPayload = CrosstabResult;

export type CrosstabState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; result: CrosstabPayload };

type Settled = { key: string } & ({ status: "error"; message: string } | { status: "ready"; result: CrosstabPayload });

/** Fetch a crosstab for a spec; cancels the previous request when the spec changes. */
export function useCrosstab(datasetId: string, spec: CrosstabSpecInput | null): CrosstabState {
  const [settled, setSettled] = useState<Settled | null>(null);
  const key = spec ? `${datasetId}\u0000${JSON.stringify(spec)}` : "";
  useEffect(() => {
    if (!key) return;
    const ctl = new AbortController();
    const body = key.slice(key.indexOf("\u0000") + 1);
    fetch(`/api/datasets/${encodeURIComponent(datasetId)}/crosstab`, {
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
          setSettled({ key, status: "ready", result: json as CrosstabPayload });
        }
      })
      .catch((err: unknown) => {
        if ((err as Error).name !== "AbortError") setSettled({ key, status: "error", message: (err as Error).message });
      });
    return () => ctl.abort();
  }, [datasetId, key]);
  if (!key) return { status: "idle" };
  if (!settled || settled.key !== key) return { status: "loading" };
  return settled.status === "ready" ? { status: "ready", result: settled.result } : { status: "error", message: settled.message };
}
