"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { safeNextPath } from "@/lib/auth/safe-next";

const INPUT = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm";

/** Email + password sign-in against better-auth; on success goes to `next` (a path on this site). */
export function SignInForm({ next }: { next?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") }),
      });
      if (res.ok) {
        window.location.assign(safeNextPath(next));
        return;
      }
      if (res.status === 429) {
        const wait = Number(res.headers.get("x-retry-after"));
        setError(`Too many sign-in attempts. Try again in ${Number.isFinite(wait) && wait > 0 ? `${wait} seconds` : "a minute"}.`);
      } else if (res.status === 401 || res.status === 400) {
        setError("Wrong email or password.");
      } else if (res.status === 403 && (((await res.json().catch(() => null)) as { code?: string } | null)?.code ?? "") === "ACCOUNT_DEACTIVATED") {
        // told only after the password was right (lib/auth/account-status.ts)
        setError("This account is deactivated: ask your admin to reactivate it.");
      } else {
        setError("Sign-in failed. Please try again.");
      }
    } catch {
      setError("Could not reach the server. Please try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate={false}>
      <Field label="Email" htmlFor="email">
        <input id="email" name="email" type="email" autoComplete="username" required className={INPUT} />
      </Field>
      <Field label="Password" htmlFor="password">
        <input id="password" name="password" type="password" autoComplete="current-password" required className={INPUT} />
      </Field>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
