"use client";

import { useCallback } from "react";
import type { QuestionLite } from "@/lib/analysis/question-roles";
import type { QuestionCatalog } from "@/components/questions/use-question-catalog";
import { canBeSegment } from "@/lib/analysis/question-roles";
import { Field, Select } from "@/components/ui/field";
import type { InsightsSpec } from "./insights-panel";
import { PredictorPicker } from "./predictor-picker";

type Method = NonNullable<InsightsSpec["method"]>;

const METHODS: Record<"logistic" | "linear", { value: Method; label: string }[]> = {
  logistic: [
    { value: "auto", label: "Automatic: svyglm, Firth if a predictor separates the outcome" },
    { value: "svyglm", label: "Survey-weighted logistic (svyglm)" },
    { value: "firth", label: "Firth-penalised logistic" },
  ],
  linear: [
    { value: "auto", label: "Relative importance (LMG) and coefficients" },
    { value: "svyglm", label: "Coefficients only (svyglm)" },
  ],
};

/** Questions that can enter a driver model: a single choice or scale with 2–60 options, or a number. */
export function predictorOptions(questions: readonly QuestionLite[], spec: InsightsSpec) {
  return questions
    .filter((q) => (canBeSegment(q) || q.type === "numeric") && q.id !== spec.outcome && q.id !== spec.weight)
    .map((q) => ({ id: q.id, label: q.label || q.id }));
}

/** Method and predictor choices of the key-driver model. */
export function DriversControls({ catalog, spec, onChange }: { catalog: QuestionCatalog; spec: InsightsSpec; onChange: (next: InsightsSpec) => void }) {
  const model = spec.model ?? "logistic";
  const options = predictorOptions(catalog.questions, spec);
  // a wide dataset: predictors are searched in its question list (a page of 50 at a time)
  const { lazy, search } = catalog;
  const exclude = [spec.outcome, ...(spec.weight ? [spec.weight] : [])].join(",");
  const load = useCallback(
    async (query: string) => (await search({ role: "predictor", query, offset: 0, limit: 50, exclude: exclude.split(",") })).items.map((q) => ({ id: q.id, label: q.label || q.id })),
    [search, exclude],
  );
  const selected = (spec.predictors ?? []).filter((p) => lazy || options.some((o) => o.id === p));
  return (
    <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
      <Field label="Method" htmlFor="drivers-method">
        <Select id="drivers-method" value={spec.method ?? "auto"} onChange={(e) => onChange({ ...spec, method: e.target.value as Method })}>
          {METHODS[model].map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </Select>
      </Field>
      <PredictorPicker
        label="Predictors"
        options={options}
        selected={selected}
        max={model === "linear" ? 12 : 40}
        onChange={(next) => onChange({ ...spec, predictors: next.length ? next : undefined })}
        load={lazy ? load : undefined}
        hint={
          selected.length
            ? `${selected.length} chosen${model === "linear" ? " (relative importance takes up to 12)" : ""}.`
            : "None chosen: a small default set of up to 6 answered questions is used."
        }
      />
    </div>
  );
}
