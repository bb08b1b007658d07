"use client";

import type { MatchCheck } from "@/lib/analysis/benchmark-check";
import type { MatchSuggestion } from "@/lib/analysis/benchmark-match";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

const pct = (x: number | null) => (x === null ? "n/a" : `${Math.round(x * 100)}%`);

/** The questions that best match the figure's definition, each with its match strength and a "Use" button. */
export function CompareSuggestions({ suggestions, names, onUse }: { suggestions: MatchSuggestion[]; names: Record<string, string>; onUse: (s: MatchSuggestion) => void }) {
  if (!suggestions.length) {
    return (
      <p className="text-sm text-slate-700" data-testid="compare-no-suggestion">
        No question in your datasets matches this figure&apos;s definition well. Pick one only if it measures the same thing.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2" data-testid="compare-suggestions">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Suggested questions (by how well their wording matches the figure)</p>
      <ul className="flex flex-col gap-2">
        {suggestions.map((s) => (
          <li key={`${s.datasetId}-${s.outcome}`} className="grid grid-cols-[1fr_auto] items-start gap-x-2 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto]">
            <Badge tone={s.strength === "strong" ? "success" : "warning"} className="w-fit shrink-0">
              {s.strength === "strong" ? "strong" : "partial"} match {pct(s.score)}
            </Badge>
            <span className="col-span-2 row-start-2 min-w-0 break-words text-slate-800 sm:col-span-1 sm:col-start-2 sm:row-start-1">
              {s.text}
              {s.segment ? <span className="text-slate-600"> · column {s.column}</span> : null}
              <span className="block text-xs text-slate-500">{names[s.datasetId] ?? s.datasetId}</span>
            </span>
            <Button type="button" variant="secondary" className="col-start-2 row-start-1 shrink-0 sm:col-start-3" onClick={() => onUse(s)} aria-label={`Use: ${s.text}`}>
              Use
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What differs from the figure's definition for the current choice: kind, wording, base. */
export function MatchWarnings({ check, testId }: { check: Pick<MatchCheck, "warnings" | "refusal">; testId: string }) {
  // the API's wording for agents ("Send acknowledgeMismatch…") becomes the checkbox below
  const items = [...(check.refusal ? [check.refusal.replace(/ Send acknowledgeMismatch: true to compare anyway\./, "")] : []), ...check.warnings];
  if (!items.length) return null;
  return (
    <div role="note" aria-label="Definition check" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid={testId}>
      <p className="font-medium">{items.some((t) => !t.startsWith("Partial")) ? "Not like-for-like" : "Check the definition"}</p>
      <ul className="mt-1 flex list-disc flex-col gap-1 pl-5">
        {items.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </div>
  );
}
