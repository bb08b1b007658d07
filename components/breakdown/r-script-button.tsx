"use client";

import { useState } from "react";
import { Code2 } from "lucide-react";
import type { CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/states/states";

/** Fetch and show the R script that reproduces the current breakdown, with a copy button. */
export function RScriptButton({ datasetId, spec }: { datasetId: string; spec: CrosstabSpecInput }) {
  const [state, setState] = useState<{ text?: string; error?: string; open: boolean }>({ open: false });
  const load = async () => {
    if (state.open) return setState((s) => ({ ...s, open: false }));
    const res = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}/crosstab?emit=r`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(spec),
    });
    if (res.ok) setState({ text: await res.text(), open: true });
    else {
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      setState({ error: body.error?.message ?? `failed (${res.status})`, open: true });
    }
  };
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button variant="secondary" onClick={load} aria-expanded={state.open}>
          <Code2 className="size-4" aria-hidden /> {state.open ? "Hide R script" : "Reproduce in R"}
        </Button>
      </div>
      {state.open ? <InlineError error={state.error} /> : null}
      {state.open && state.text ? (
        <div className="flex flex-col gap-2" data-testid="r-script">
          <pre className="max-h-80 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{state.text}</pre>
          <div>
            <Button variant="ghost" onClick={() => navigator.clipboard?.writeText(state.text ?? "")}>
              Copy script
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
