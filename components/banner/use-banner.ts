"use client";

import { useEffect, useState } from "react";
import type { BannerResult, BannerSpecInput } from "@/lib/schema/banner";

export type BannerState = { status: "idle" } | { status: "loading" } | { status: "error"; message: string } | { status: "ready"; result: BannerResult };

type Settled = { key: string } & ({ status: "error"; message: string } | { status: "ready"; result: BannerResult });

/** Fetch a banner table for a spec; cancels the previous request when the spec changes. */
export function useBanner(datasetId: string, spec: BannerSpecInput | null): BannerState {
  const [settled, setSettled] = useState<Settled | null>(null);
  const body = spec ? JSON.stringify(spec) : "";
  const key = body ? `${datasetId}\u0000${body}` : "";
  useEffect(() => {
    if (!key) return;
    const ctl = new AbortController();
    fetch(`/api/datasets/${encodeURIComponent(datasetId)}/banner`, { method: "POST", headers: { "content-type": "application/json" }, body, signal: ctl.signal })
      .then(async (res) => {
        const json: unknown = await res.json();
        if (!res.ok) {
          const message = (json as { error?: { message?: string } }).error?.message ?? `request failed (${res.status})`;
          setSettled({ key, status: "error", message });
        } else {
          setSettled({ key, status: "ready", result: json as BannerResult });
        }
      })
      .catch((err: unknown) => {
        if ((err as Error).name !== "AbortError") setSettled({ key, status: "error", message: (err as Error).message });
      });
    return () => ctl.abort();
  }, [datasetId, key, body]);
  if (!key) return { status: "idle" };
  if (!settled || settled.key !== key) return { status: "loading" };
  return settled.status === "ready" ? { status: "ready", result: settled.result } : { status: "error", message: settled.message };
}
