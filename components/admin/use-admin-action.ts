"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * Run one admin API call: pending flag, the API's error message, and a page refresh on success.
 * `run` resolves to the answer's JSON (true when it has none) on success, null on failure.
 */
export function useAdminAction() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function run(url: string, method: "POST" | "PUT" | "DELETE", body: unknown, success: string): Promise<unknown> {
    setPending(true);
    setError(null);
    setDone(null);
    try {
      const res = await fetch(url, {
        method,
        credentials: "same-origin",
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const payload = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!res.ok) {
        setError(payload?.error?.message ?? `request failed (${res.status})`);
        return null;
      }
      setDone(success);
      router.refresh();
      return payload ?? true;
    } catch {
      setError("network error: the server could not be reached");
      return null;
    } finally {
      setPending(false);
    }
  }
  return { run, pending, error, done };
}
