"use client";

import { useEffect, useState } from "react";
import type { z } from "zod";
import { failureMessage, parseAnswer } from "./read-answer";

export type PostState<T> = { status: "idle" } | { status: "loading" } | { status: "error"; message: string } | { status: "ready"; data: T };

type Settled<T> = { key: string } & ({ status: "error"; message: string } | { status: "ready"; data: T });

/**
 * POST a JSON body and keep the answer, parsed with its documented schema (lib/schema); re-fetches (and cancels the previous request) when url or
 * body change. A null url is "idle" (the request is not complete yet). Errors carry the API
 * envelope's message; an answer that does not match the schema is an error too.
 *
 * @example const state = usePost(bannerResultSchema, spec ? `/api/datasets/${id}/banner` : null, spec);
 */
export function usePost<S extends z.ZodType>(schema: S, url: string | null, body: unknown): PostState<z.output<S>> {
  type T = z.output<S>;
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const text = url === null ? "" : JSON.stringify(body);
  const key = url === null ? "" : `${url}\u0000${text}`;
  useEffect(() => {
    if (url === null) return;
    const ctl = new AbortController();
    fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: text, signal: ctl.signal })
      .then(async (res) => {
        const json: unknown = await res.json().catch(() => ({}));
        if (!res.ok) setSettled({ key, status: "error", message: failureMessage(res.status, json) });
        else setSettled({ key, status: "ready", data: parseAnswer(schema, json) as T });
      })
      .catch((err: unknown) => {
        if ((err as Error).name !== "AbortError") setSettled({ key, status: "error", message: (err as Error).message });
      });
    return () => ctl.abort();
  }, [schema, url, text, key]);
  if (url === null) return { status: "idle" };
  if (!settled || settled.key !== key) return { status: "loading" };
  return settled.status === "ready" ? { status: "ready", data: settled.data } : { status: "error", message: settled.message };
}
