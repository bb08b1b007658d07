"use client";

import { useId, useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/date";

/** A one-time link shown once, with a copy button and when it expires. */
export function OneTimeLink({ url, expiresAt, label }: { url: string; expiresAt: string; label: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2 rounded-md border border-emerald-200 bg-emerald-50 p-3" data-testid="one-time-link">
      <label htmlFor={id} className="text-sm font-medium text-emerald-900">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input id={id} readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs" />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
          {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
      <p className="text-xs text-emerald-900">
        Works once, until {formatDateTime(expiresAt)}. It is shown only now: pass it on privately (it sets the password of this account).
      </p>
    </div>
  );
}
