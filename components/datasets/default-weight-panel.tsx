"use client";

import Link from "next/link";
import type { DefaultWeight, ProtectedQuestion } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import { Select } from "@/components/ui/field";
import type { SchemaEdits } from "./use-schema-edits";

/**
 * The dataset's default weight in review: the weight Analyze and new saved views use unless the
 * user switches weighting off or picks another. The weight found at import is proposed, and said so.
 */
export function DefaultWeightPanel({ datasetId, saved, review, otherWeights = [] }: { datasetId: string; saved?: DefaultWeight | null; review: SchemaEdits; otherWeights?: (Question | ProtectedQuestion)[] }) {
  // this page's questions as edited, and (a wide dataset reviewed by pages) the other pages' weights
  const onPage = new Set(review.questions.map((q) => q.id));
  const weights = [...review.questions, ...otherWeights.filter((q) => !onPage.has(q.id))].filter((q: Question | ProtectedQuestion) => q.type === "weight");
  const current = review.draft.defaultWeight === undefined ? (saved?.question ?? null) : review.draft.defaultWeight;
  const value = current && weights.some((q) => q.id === current) ? current : "";
  const origin = review.draft.defaultWeight === undefined && saved && value === saved.question ? (saved.source === "import" ? "detected at import" : "chosen in review") : null;
  return (
    <section id="default-weight" aria-labelledby="default-weight-title" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="default-weight-panel">
      <h2 id="default-weight-title" className="text-base font-semibold">
        Default weight
      </h2>
      {weights.length === 0 ? (
        <p className="text-sm text-slate-500">
          No weight column in this dataset: the analysis is unweighted.{" "}
          <Link href={`/datasets/${datasetId}/weighting`} className="text-[var(--color-accent)] underline underline-offset-2">
            Build a weight
          </Link>{" "}
          or set a column&apos;s type to Weight below.
        </p>
      ) : (
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
            Weight the analysis uses
            <Select
              className="w-72"
              value={value}
              onChange={(e) => review.change(e.target.value ? `Make ${e.target.value} the default weight` : "Remove the default weight", (d) => ({ ...d, defaultWeight: (e.target.value || null) === (saved?.question ?? null) ? undefined : e.target.value || null }))}
            >
              <option value="">No default (unweighted)</option>
              {weights.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.id === q.label ? q.id : `${q.id} · ${q.label}`}
                </option>
              ))}
            </Select>
          </label>
          <p className="text-sm text-slate-600" data-testid="default-weight-note">
            {value ? `Analyze and new saved views use ${value}${origin ? ` (${origin})` : ""} unless weighting is switched off.` : "The analysis starts unweighted; a weight can still be picked there."}
          </p>
        </div>
      )}
    </section>
  );
}
