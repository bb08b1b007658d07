"use client";

import { useEffect, useState } from "react";

export type PostState<T> = { status: "idle" } | { status: "loading" } | { status: "error"; message: string } | { status: "ready"; data: T };

type Settled<T> = { key: string } & ({ status: "error"; message: string } | { status: "ready"; data: T });

/**
 * POST a JSON body and keep the answer; re-fetches (and cancels the previous request) when url or
 * body change. A null url is "idle" (the request is not complete yet). Errors carry the API
 * envelope's message.
 *
 * @example const state = usePost<BannerResult>(spec ? `/api/datasets/${id}/banner` : null, spec);
 */
export function usePost<T>(url: string | null, body: unknown): PostState<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const text = url === null ? "" : JSON.stringify(body);
  const key = url === null ? "" : `${url}\u0000${text}`;
  useEffect(() => {
    if (url === null) return;
    const ctl = new AbortController();
    fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: text, signal: ctl.signal })
      .then(async (res) => {
        const json: unknown = await res.json().catch(() => ({}));
        if (!res.ok) {
          const message = (json as { error?: { message?: string } }).error?.message ?? `request failed (${res.status})`;
          setSettled({ key, status: "error", message });
        } else {
          setSettled({ key, status: "ready", data: json as T });
        }
      })
      .catch((err: unknown) => {
        if ((err as Error).name !== "AbortError") setSettled({ key, status: "error", message: (err as Error).message });
      });
    return () => ctl.abort();
  }, [url, text, key]);
  if (url === null) return { status: "idle" };
  if (!settled || settled.key !== key) return { status: "loading" };
  return settled.status === "ready" ? { status: "ready", data: settled.data } : { status: "error", message: settled.message };
}
