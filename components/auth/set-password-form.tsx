"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ErrorMessage, LoadingPanel } from "@/components/states/states";

const INPUT = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const INVALID = "This link is invalid, was already used or has expired. Ask your admin for a new one.";

type Phase = { kind: "checking" } | { kind: "invalid" } | { kind: "form"; token: string } | { kind: "done"; email: string };

/** The set-password form of a one-time account link (the secret comes from the URL fragment). */
export function SetPasswordForm() {
  const [phase, setPhase] = useState<Phase>({ kind: "checking" });
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const token = window.location.hash.slice(1);
    // keep the secret out of the history and of anything copied from the address bar
    window.history.replaceState(null, "", window.location.pathname);
    // an empty token is asked like any other (the server answers "not usable"): no synchronous setState here
    fetch("/api/account-links/check", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) })
      .then((r) => r.json())
      .then((b: { usable?: boolean }) => setPhase(b.usable ? { kind: "form", token } : { kind: "invalid" }))
      .catch(() => setPhase({ kind: "invalid" }));
  }, []);

  if (phase.kind === "checking") return <LoadingPanel label="Checking the link…" />;
  if (phase.kind === "invalid") return <ErrorMessage title="Link not valid" message={INVALID} />;
  if (phase.kind === "done")
    return (
      <Card>
        <CardContent className="flex flex-col gap-3 pt-6">
          <p role="status" className="text-sm text-emerald-800">
            Your password is set for <bdi className="font-medium">{phase.email}</bdi>.
          </p>
          <Link href="/sign-in" className="text-sm font-medium text-[var(--color-accent)] underline">
            Sign in
          </Link>
        </CardContent>
      </Card>
    );
  const token = phase.token;
  return (
    <Card>
      <CardContent className="pt-6">
        <form
          className="flex flex-col gap-4"
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            if (password.length < 12) return setError("The password must have at least 12 characters.");
            if (password !== repeat) return setError("The two passwords differ.");
            setPending(true);
            try {
              const res = await fetch("/api/account-links/redeem", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token, password }) });
              const body = (await res.json().catch(() => null)) as { email?: string; error?: { message?: string } } | null;
              if (res.ok) setPhase({ kind: "done", email: body?.email ?? "" });
              else setError(body?.error?.message ?? `request failed (${res.status})`);
            } catch {
              setError("network error: the server could not be reached");
            } finally {
              setPending(false);
            }
          }}
        >
          <Field label="New password" htmlFor="new-password" hint="At least 12 characters.">
            <input id="new-password" type="password" autoComplete="new-password" required minLength={12} maxLength={128} value={password} onChange={(e) => setPassword(e.target.value)} className={INPUT} />
          </Field>
          <Field label="Repeat the password" htmlFor="repeat-password">
            <input id="repeat-password" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} className={INPUT} />
          </Field>
          <Button type="submit" disabled={pending}>
            Set password
          </Button>
          {error ? <ErrorMessage title="Password not set" message={error} /> : null}
        </form>
      </CardContent>
    </Card>
  );
}
